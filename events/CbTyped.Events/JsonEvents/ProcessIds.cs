using System.Globalization;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A process's <c>unique_id</c> is its 36-character GUID, then <c>-</c> and the segment in hex (8 digits on 5.x
/// servers, 12 on 6.x and later). The REST API addresses a process by the GUID and the segment.
/// </summary>
internal static class ProcessIds
{
    public const int GuidLength = 36;

    public static string? Guid(string? uniqueId) =>
        uniqueId is { Length: >= GuidLength } ? uniqueId[..GuidLength] : null;

    public static long? Segment(string? uniqueId) =>
        uniqueId is { Length: > GuidLength + 1 } && uniqueId[GuidLength] == '-'
        && long.TryParse(uniqueId.AsSpan(GuidLength + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var segment)
            ? segment : null;
}
