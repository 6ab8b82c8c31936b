using System.Globalization;

namespace CbTyped.Emulator.Json;

/// <summary>The timestamp formats Cb Response writes; clients parse each exactly.</summary>
internal static class CbTime
{
    /// <summary>Solr fields (process start, binary timestamps, alerts): ISO UTC, 0–3 fraction digits, <c>Z</c>.</summary>
    public static string Solr(DateTime value)
    {
        var whole = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var millis = value.Millisecond;
        if (millis == 0)
        {
            return whole + "Z";
        }

        // Solr drops trailing zeros ("08:35:03.38Z"), which is exactly what trips naive parsers.
        return whole + "." + millis.ToString("000", CultureInfo.InvariantCulture).TrimEnd('0') + "Z";
    }

    /// <summary><c>digsig_sign_time</c>: ISO with <c>Z</c>, no fraction.</summary>
    public static string SignTime(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Pipe-delimited event strings: <c>YYYY-MM-DD hh:mm:ss.ffffff</c>.</summary>
    public static string Event(DateTime value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Postgres-backed objects (sensors, watchlists, bans, users): <c>YYYY-MM-DD hh:mm:ss.ffffff±hh:mm</c>.</summary>
    public static string Postgres(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>Process creation time as a Windows FILETIME (the low 64 bits of a process GUID).</summary>
    public static long FileTime(DateTime utc) => utc.Ticks - new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    /// <summary>Epoch milliseconds (6.x segment ids).</summary>
    public static long EpochMillis(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>Parses the few date forms clients send back (ISO, Postgres, RFC-822); null when it is none of them.</summary>
    public static DateTimeOffset? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
    }
}
