namespace CbTyped.Generator.Model
{
    /// <summary>How a date-time is written back to the server. Reading always accepts every Cb format.</summary>
    public enum DateFormat
    {
        /// <summary>ISO 8601 UTC with a <c>Z</c> suffix and up to 6 fraction digits (Solr-backed objects).</summary>
        Iso = 0,
        /// <summary><c>YYYY-MM-DD hh:mm:ss.ffffff±hh:mm</c> (Postgres-backed objects: sensor, watchlist, banned hash).</summary>
        Postgres = 1,
        /// <summary><c>YYYY-MM-DD hh:mm:ss.ffffff</c> without an offset.</summary>
        Local = 2,
        /// <summary>Epoch seconds as a number.</summary>
        Epoch = 3,
    }
}
