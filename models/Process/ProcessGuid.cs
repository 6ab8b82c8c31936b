using System.Globalization;

namespace CbTyped.Response;

/// <summary>
/// A Cb Response process GUID, <c>SSSSSSSS-PPPP-PPPP-TTTT-TTTTTTTTTTTT</c>: sensor id (32 bits), OS pid (32 bits) and
/// the process creation time as a Windows FILETIME (64 bits), all hex, big-endian.
/// Parsed by hand because it is not an RFC 4122 GUID: the groups carry numbers, not random bits.
/// </summary>
public readonly record struct ProcessGuid(int SensorId, int Pid, DateTimeOffset CreateTime)
{
    /// <summary>Reads the sensor id, pid and creation time from a GUID (a segment suffix after the GUID is ignored).</summary>
    public static bool TryParse(string? text, out ProcessGuid result)
    {
        result = default;
        if (text is null || text.Length < 36)
        {
            return false;
        }

        ReadOnlySpan<char> span = text.AsSpan(0, 36);
        if (span[8] != '-' || span[13] != '-' || span[18] != '-' || span[23] != '-')
        {
            return false;
        }

        Span<char> hex = stackalloc char[32];
        int n = 0;
        foreach (char c in span)
        {
            if (c != '-')
            {
                hex[n++] = c;
            }
        }

        if (!uint.TryParse(hex[..8], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint sensor)
            || !uint.TryParse(hex[8..16], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint pid)
            || !long.TryParse(hex[16..32], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long fileTime)
            || fileTime < 0 || fileTime > DateTime.MaxValue.Ticks - new DateTime(1601, 1, 1).Ticks)
        {
            return false;
        }

        result = new ProcessGuid(unchecked((int)sensor), unchecked((int)pid), new DateTimeOffset(new DateTime(1601, 1, 1).Ticks + fileTime, TimeSpan.Zero));
        return true;
    }

    /// <summary>
    /// Splits a process unique id (<c>guid-segment</c>, the segment in 8 or 12 hex digits) into the GUID and segment.
    /// A bare 36-character GUID gives a null segment.
    /// </summary>
    public static bool TrySplitUniqueId(string? uniqueId, out string processGuid, out long? segment)
    {
        processGuid = string.Empty;
        segment = null;
        if (uniqueId is null || uniqueId.Length < 36)
        {
            return false;
        }

        processGuid = uniqueId[..36];
        if (uniqueId.Length == 36)
        {
            return true;
        }

        if (uniqueId[36] != '-' || !long.TryParse(uniqueId.AsSpan(37), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long value))
        {
            return false;
        }

        segment = value;
        return true;
    }
}
