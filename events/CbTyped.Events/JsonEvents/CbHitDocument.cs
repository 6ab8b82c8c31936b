using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// One element of a hit's <c>docs[]</c>: the process or binary document that matched, as the REST API's search
/// returns it. The fields an automation acts on are typed; <see cref="Json"/> has all of them (feed scores and links,
/// <c>watchlist_&lt;id&gt;</c> times, counts).
/// </summary>
public sealed class CbHitDocument
{
    /// <summary>Wraps one document.</summary>
    public CbHitDocument(JsonElement json) => Json = json;

    /// <summary>The whole document.</summary>
    public JsonElement Json { get; }

    /// <summary>Process documents: the process GUID and segment (<c>unique_id</c>).</summary>
    public string? UniqueId => JsonFields.String(Json, "unique_id");

    /// <summary>Process documents: the process GUID (the REST API's process id), from <c>unique_id</c> or <c>id</c>.</summary>
    public string? ProcessGuid => ProcessIds.Guid(UniqueId) ?? JsonFields.String(Json, "id");

    /// <summary>Process documents: the segment, from <c>unique_id</c> or <c>segment_id</c>.</summary>
    public long? SegmentId => ProcessIds.Segment(UniqueId) ?? JsonFields.Int64(Json, "segment_id");

    /// <summary>Process documents: the parent's GUID (<c>parent_unique_id</c>).</summary>
    public string? ParentProcessGuid => ProcessIds.Guid(JsonFields.String(Json, "parent_unique_id"));

    /// <summary>The sensor: <c>sensor_id</c>, else the GUID's first 8 hex digits.</summary>
    public long? SensorId => JsonFields.Int64(Json, "sensor_id")
        ?? (ProcessGuid is { Length: 36 } guid && uint.TryParse(guid.AsSpan(0, 8), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null);

    /// <summary>Process documents: the pid.</summary>
    public long? ProcessPid => JsonFields.Int64(Json, "process_pid");

    /// <summary>Process documents: the image name.</summary>
    public string? ProcessName => JsonFields.String(Json, "process_name");

    /// <summary>Process documents: the image MD5, upper-cased (the server sends lower case).</summary>
    public string? ProcessMd5 => JsonFields.String(Json, "process_md5")?.ToUpperInvariant();

    /// <summary>Process documents: the image path.</summary>
    public string? Path => JsonFields.String(Json, "path");

    /// <summary>Process documents: the command line.</summary>
    public string? CommandLine => JsonFields.String(Json, "cmdline");

    /// <summary>Process documents: the user.</summary>
    public string? Username => JsonFields.String(Json, "username");

    /// <summary>The host name (process documents of <c>watchlist.hit.process</c>).</summary>
    public string? Hostname => JsonFields.String(Json, "hostname");

    /// <summary>Binary documents: the MD5, upper case.</summary>
    public string? Md5 => JsonFields.String(Json, "md5")?.ToUpperInvariant();

    /// <summary>Binary documents: the file names it was seen under (a list or one string on the wire).</summary>
    public IReadOnlyList<string> ObservedFilenames => JsonFields.Strings(Json, "observed_filename");

    /// <summary>Binary documents: the <c>hostname|sensor_id</c> endpoints it was seen on.</summary>
    public IReadOnlyList<string> Endpoints => JsonFields.Strings(Json, "endpoint");
}
