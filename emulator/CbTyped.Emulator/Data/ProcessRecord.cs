using System.Globalization;

namespace CbTyped.Emulator.Data;

/// <summary>
/// One process (one segment) as the server's Solr core holds it. Immutable apart from watchlist tags; host facts
/// (hostname, group) are read from the sensor when rendered so sensor moves show everywhere.
/// </summary>
internal sealed class ProcessRecord
{
    /// <summary>The process GUID, <c>SSSSSSSS-PPPP-PPPP-TTTT-TTTTTTTTTTTT</c>.</summary>
    public required string Id { get; init; }

    public required int SensorId { get; init; }

    /// <summary>OS pid, or -1 for a placeholder document ("(unknown)").</summary>
    public required int Pid { get; init; }

    /// <summary>Sensor-local start time; null for a placeholder (rendered as -1).</summary>
    public required DateTime? Start { get; init; }

    public required DateTime LastUpdate { get; init; }

    public required DateTime LastServerUpdate { get; init; }

    public required string ProcessName { get; init; }

    public required string Path { get; init; }

    public required string CommandLine { get; init; }

    public required string UserName { get; init; }

    /// <summary>Lower-case MD5 of the image, as process documents carry it.</summary>
    public required string Md5 { get; init; }

    /// <summary>The parent's GUID, or empty at the top of a chain.</summary>
    public required string ParentId { get; init; }

    public required int ParentPid { get; init; }

    public required string ParentName { get; init; }

    public required string ParentMd5 { get; init; }

    public bool Terminated { get; init; }

    public string HostType { get; init; } = "workstation";

    public string OsType { get; init; } = "windows";

    public int CommsIp { get; init; }

    public int InterfaceIp { get; init; }

    public ProcessEvents Events { get; init; } = ProcessEvents.Empty;

    private static readonly Dictionary<int, DateTime> NoTags = [];
    private Dictionary<int, DateTime>? watchlistTags;

    /// <summary>Watchlist tags: watchlist id → time tagged (allocated only for tagged processes).</summary>
    public IReadOnlyDictionary<int, DateTime> WatchlistTags => watchlistTags ?? NoTags;

    /// <summary>Tags the process for a watchlist; false if it already was. Call only under the state lock.</summary>
    public bool Tag(int watchlistId, DateTime at) => (watchlistTags ??= []).TryAdd(watchlistId, at);

    /// <summary>Sensor id from a GUID's first group (used to check a parent's sensor).</summary>
    public static int SensorIdOf(string processId) =>
        int.Parse(processId.AsSpan(0, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>Builds a GUID from its parts, exactly as the sensor does.</summary>
    public static string MakeId(int sensorId, int pid, DateTime startUtc)
    {
        var fileTime = Json.CbTime.FileTime(startUtc);
        var hex = ((uint)sensorId).ToString("x8", CultureInfo.InvariantCulture)
            + ((uint)pid).ToString("x8", CultureInfo.InvariantCulture)
            + ((ulong)fileTime).ToString("x16", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}");
    }
}
