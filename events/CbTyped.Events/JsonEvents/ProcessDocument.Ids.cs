using System.Globalization;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// The process ids of a document that carries only <c>unique_id</c> (storage and query hits): the GUID is its first
/// 36 characters, then <c>-</c> and the segment in hex (8 digits on 5.x servers, 12 on 6.x and later).
/// </summary>
public partial class ProcessDocument
{
    private const int GuidLength = 36;

    /// <summary>The process GUID (the REST API's process id): <c>id</c>, else the start of <c>unique_id</c>.</summary>
    public string? ProcessGuid => Id ?? (UniqueId is { Length: >= GuidLength } u ? u[..GuidLength] : null);

    /// <summary>The segment: <c>segment_id</c>, else the hex after the GUID in <c>unique_id</c>.</summary>
    public long? ProcessSegment => SegmentId ?? (UniqueId is { Length: > GuidLength + 1 } u && u[GuidLength] == '-'
        && long.TryParse(u.AsSpan(GuidLength + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var segment) ? segment : null);

    /// <summary>The sensor: <c>sensor_id</c>, else the GUID's first 8 hex digits.</summary>
    public long? ProcessSensorId => (long?)SensorId ?? (ProcessGuid is { Length: GuidLength } guid
        && uint.TryParse(guid.AsSpan(0, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id) ? (long)id : null);
}
