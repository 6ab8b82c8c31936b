using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Data;

/// <summary>
/// The 6.x event partitions (<c>/api/v1/storage/events/…</c>): the hot one and a warm one to start with; mount and
/// unmount set <c>info.userMounted</c>, a new partition becomes hot (the old hot one turns warm), delete marks one
/// deleted. Callers hold <see cref="EmulatorState.Gate"/>.
/// </summary>
internal sealed class StoragePartitionStore
{
    private readonly SortedDictionary<string, JsonObject> _partitions = new(StringComparer.Ordinal)
    {
        ["cbevents_2016_11_14_0000"] = Partition("cbevents_2016_11_14_0000", "hot", "2016-11-14T00:00:00.000Z", null, 34_884, 119_437_312),
        ["cbevents_2016_10_24_0000"] = Partition("cbevents_2016_10_24_0000", "warm", "2016-10-24T00:00:00.000Z", "2016-11-14T00:00:00.000Z", 210_553, 733_921_280),
    };

    /// <summary>The two partitions, plus a warm one migrated from 5.x (<c>info.isLegacy</c>) when asked.</summary>
    public StoragePartitionStore(bool withLegacyPartition = false)
    {
        if (withLegacyPartition)
        {
            var legacy = Partition("cbevents_2016_09_01_0000", "warm", "2016-09-01T00:00:00.000Z", "2016-10-24T00:00:00.000Z", 95_120, 301_989_888);
            legacy["info"]!["isLegacy"] = true;
            _partitions[(string)legacy["name"]!] = legacy;
        }
    }

    /// <summary>The list answer: an object keyed by partition name.</summary>
    public JsonObject ToJson()
    {
        var all = new JsonObject();
        foreach (var (name, partition) in _partitions)
            all[name] = partition.DeepClone();
        return all;
    }

    /// <summary>Sets <c>info.userMounted</c>; false when there is no such partition.</summary>
    public bool SetMounted(string name, bool mounted)
    {
        if (!_partitions.TryGetValue(name, out var partition))
            return false;
        partition["info"]!["userMounted"] = mounted;
        return true;
    }

    /// <summary>A new hot partition named after <paramref name="now"/>; the previous hot one turns warm.</summary>
    public string CreateNew(DateTimeOffset now)
    {
        foreach (var partition in _partitions.Values)
            if ((string?)partition["status"] == "hot")
                partition["status"] = "warm";
        var utc = now.UtcDateTime;
        var name = "cbevents_" + utc.ToString("yyyy_MM_dd_HHmm", System.Globalization.CultureInfo.InvariantCulture);
        for (var suffix = 1; _partitions.ContainsKey(name); suffix++)
            name = "cbevents_" + utc.ToString("yyyy_MM_dd_HHmm", System.Globalization.CultureInfo.InvariantCulture) + "_" + suffix;
        _partitions[name] = Partition(name, "hot", utc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture), null, 0, 0);
        return name;
    }

    /// <summary>Marks the partition deleted; false when there is no such partition or it is the hot one.</summary>
    public bool Delete(string name)
    {
        if (!_partitions.TryGetValue(name, out var partition) || (string?)partition["status"] == "hot")
            return false;
        partition["status"] = "deleted";
        partition["info"]!["deleted"] = true;
        return true;
    }

    private static JsonObject Partition(string name, string status, string start, string? end, long docs, long bytes) => new()
    {
        ["name"] = name,
        ["status"] = status,
        ["info"] = new JsonObject
        {
            ["isLegacy"] = false,
            ["startDate"] = start,
            ["endDate"] = end,
            ["numDocs"] = docs,
            ["sizeInBytes"] = bytes,
            ["userMounted"] = false,
            ["deleted"] = false,
        },
    };
}
