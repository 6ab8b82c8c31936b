using System.Text.Json.Nodes;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Data;

/// <summary>
/// Everything the emulated server knows. Endpoints read and change it only while holding <see cref="Gate"/>, so
/// state changes (bans, isolation, watchlists, users, groups, sensor moves) are seen by every later request.
/// </summary>
internal sealed class EmulatorState
{
    public EmulatorState(CbEmulatorOptions options)
    {
        Options = options;
        IsVersion6OrLater = ParseMajor(options.ServerVersion) >= 6;
        Clock = options.Clock ?? new EmulatorClock(Epoch);
        Partitions = new StoragePartitionStore(options.LegacyPartition);
    }

    /// <summary>The server's "now" (see <see cref="EmulatorClock"/>).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Now, in the server's own time zone (Postgres-backed timestamps carry it).</summary>
    public DateTimeOffset Now => Clock.GetUtcNow().ToOffset(Epoch.Offset);

    public CbEmulatorOptions Options { get; }

    /// <summary>6.x persona: 12-hex segment suffixes, epoch-ms segment ids, v4 events, storage partitions.</summary>
    public bool IsVersion6OrLater { get; }

    public Lock Gate { get; } = new();

    /// <summary>6.x event partitions (list, mount, unmount, new, delete).</summary>
    public StoragePartitionStore Partitions { get; }

    public SortedDictionary<int, SensorRecord> Sensors { get; } = [];

    /// <summary>Sensor groups as the server's documents (PUT merges into them, so no field is dropped).</summary>
    public SortedDictionary<int, JsonObject> Groups { get; } = [];

    public SortedDictionary<int, JsonObject> Sites { get; } = [];

    public SortedDictionary<int, JsonObject> Teams { get; } = [];

    /// <summary>Users by username, in creation order.</summary>
    public List<JsonObject> Users { get; } = [];

    public List<ProcessRecord> Processes { get; } = [];

    public Dictionary<string, int> ProcessOrdinalById { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Child ordinals per parent GUID, in start order.</summary>
    public Dictionary<string, List<int>> ChildrenByParentId { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<BinaryRecord> Binaries { get; } = [];

    public Dictionary<string, int> BinaryOrdinalByMd5 { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Bans in creation order, looked up case-insensitively.</summary>
    public List<BannedHash> Bans { get; } = [];

    public SortedDictionary<int, Watchlist> Watchlists { get; } = [];

    public SortedDictionary<int, Feed> Feeds { get; } = [];

    public List<ThreatReport> ThreatReports { get; } = [];

    public List<Alert> Alerts { get; } = [];

    /// <summary>Investigations (id → document) and tagged events, the small case-management API.</summary>
    public SortedDictionary<int, JsonObject> Investigations { get; } = [];

    public SortedDictionary<int, JsonObject> TaggedEvents { get; } = [];

    public int NextTaggedEventId { get; set; } = 1;

    public int NextInvestigationId { get; set; } = 2;

    /// <summary>The user every request acts as (the token belongs to the global administrator).</summary>
    public const string ActingUser = "admin";

    public int NextGroupId { get; set; } = 2;

    public int NextSiteId { get; set; } = 2;

    public int NextTeamId { get; set; } = 2;

    public int NextUserId { get; set; } = 2;

    public int NextWatchlistId { get; set; } = 222;

    public int NextFeedId { get; set; } = 10;

    public int NextActionId { get; set; } = 1;

    /// <summary>Bandwidth throttle rules of sites (id → document), <c>/api/throttle</c>.</summary>
    public SortedDictionary<int, JsonObject> ThrottleRules { get; } = [];

    public int NextThrottleRuleId { get; set; } = 1;

    /// <summary>Ingress filters (client-chosen id → document), <c>/api/v1/ingress_whitelist</c> (6.1+).</summary>
    public SortedDictionary<string, JsonObject> IngressFilters { get; } = new(StringComparer.Ordinal);

    /// <summary>Where endpoints announce what the real server would publish on its bus (a no-op without
    /// <see cref="CbEmulatorOptions.AmqpUrl"/>). Announce only while holding <see cref="Gate"/>.</summary>
    internal Bus.BusOutbox Announcements { get; set; } = Bus.BusOutbox.Disabled;

    /// <summary>Live Response sessions, their commands and files, and each sensor's emulated endpoint.</summary>
    internal LiveResponse.LiveResponseState LiveResponse { get; } = new();

    public ISearchIndex ProcessIndex { get; set; } = null!;

    public ISearchIndex BinaryIndex { get; set; } = null!;

    public ISearchIndex AlertIndex { get; set; } = null!;

    public ISearchIndex ThreatReportIndex { get; set; } = null!;

    /// <summary>When the emulated server "started"; generated timestamps are relative to it, so runs are repeatable.</summary>
    public static DateTimeOffset Epoch { get; } = new(2016, 11, 16, 4, 50, 0, TimeSpan.FromHours(-5));

    public void AddProcess(ProcessRecord process)
    {
        ProcessOrdinalById[process.Id] = Processes.Count;
        Processes.Add(process);
        if (process.ParentId.Length > 0)
        {
            if (!ChildrenByParentId.TryGetValue(process.ParentId, out var children))
            {
                children = [];
                ChildrenByParentId[process.ParentId] = children;
            }

            children.Add(Processes.Count - 1);
        }
    }

    public void AddBinary(BinaryRecord binary)
    {
        BinaryOrdinalByMd5[binary.Md5] = Binaries.Count;
        Binaries.Add(binary);
    }

    public ProcessRecord? FindProcess(string id) =>
        ProcessOrdinalById.TryGetValue(id, out var ordinal) ? Processes[ordinal] : null;

    public BinaryRecord? FindBinary(string md5) =>
        BinaryOrdinalByMd5.TryGetValue(md5, out var ordinal) ? Binaries[ordinal] : null;

    public BannedHash? FindBan(string md5) =>
        Bans.Find(b => string.Equals(b.Md5, md5, StringComparison.OrdinalIgnoreCase));

    public JsonObject? FindUser(string username) =>
        Users.Find(u => string.Equals((string?)u["username"], username, StringComparison.Ordinal));

    public string GroupName(int groupId) =>
        Groups.TryGetValue(groupId, out var group) ? (string?)group["name"] ?? "" : "";

    public SensorRecord? SensorOf(ProcessRecord process) => Sensors.GetValueOrDefault(process.SensorId);

    /// <summary>The segment suffix of a unique id: 8 hex digits on 5.x, 12 on 6.x.</summary>
    public string UniqueId(ProcessRecord process) => process.Id + "-" + SegmentHex(SegmentId(process));

    public long SegmentId(ProcessRecord process) =>
        IsVersion6OrLater ? Json.CbTime.EpochMillis(process.LastServerUpdate) : 1;

    /// <summary>The process's segments, oldest first; the last is the one search rows carry.</summary>
    public IReadOnlyList<ProcessSegment> Segments(ProcessRecord process) => ProcessSegmenter.Split(this, process, SegmentId(process));

    public string SegmentHex(long segment) =>
        segment.ToString(IsVersion6OrLater ? "x12" : "x8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The parent's unique id as documents carry it: the bare GUID plus segment 1.</summary>
    public string ParentUniqueId(ProcessRecord process) =>
        process.ParentId.Length == 0 ? "" : process.ParentId + "-" + SegmentHex(1);

    private static int ParseMajor(string version)
    {
        var dot = version.IndexOf('.', StringComparison.Ordinal);
        return int.TryParse(dot < 0 ? version : version[..dot], System.Globalization.CultureInfo.InvariantCulture, out var major)
            ? major
            : 6;
    }
}
