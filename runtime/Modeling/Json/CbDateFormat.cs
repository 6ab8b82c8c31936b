using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>How a new timestamp value is written when the document has no earlier value to copy the shape from.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CbDateFormat
{
    /// <summary>ISO 8601 UTC with milliseconds and <c>Z</c> (Solr-backed objects).</summary>
    Iso = 0,
    /// <summary><c>YYYY-MM-DD hh:mm:ss.ffffff±hh:mm</c> (Postgres-backed objects: sensor, watchlist, banned hash).</summary>
    Postgres = 1,
    /// <summary><c>YYYY-MM-DD hh:mm:ss.ffffff</c> without an offset (UTC).</summary>
    Local = 2,
    /// <summary>Epoch seconds as a number.</summary>
    Epoch = 3,
}
