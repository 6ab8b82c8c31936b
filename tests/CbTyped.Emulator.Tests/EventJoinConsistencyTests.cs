using System.Globalization;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>
/// The emulator agrees with itself beyond embedded process copies: every process's parent fields and GUID, every
/// event that names another object (child processes, cross-process targets, loaded modules) and every threat-intel
/// hit say what the named object's own document says, over the seeded data set and a bulk one.
/// </summary>
public sealed class EventJoinConsistencyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(300)]
    public async Task Every_event_join_parent_field_guid_and_feed_hit_matches_the_named_object(int bulkProcesses)
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Processes = bulkProcesses, Seed = 3 });
        using var client = new EmulatorClient(emulator);
        var rows = (await client.GetJsonAsync($"/api/v1/process?q=&rows={emulator.ProcessCount}&start=0"))["results"]!.AsArray()
            .Select(r => r!.AsObject()).ToList();
        var byId = rows.ToDictionary(r => (string)r["id"]!, StringComparer.Ordinal);
        var binaries = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        var joins = new Dictionary<string, int>(StringComparer.Ordinal);
        void Joined(string kind) => joins[kind] = joins.GetValueOrDefault(kind) + 1;

        foreach (var row in rows)
        {
            var id = (string)row["id"]!;
            AssertGuidPacksTheDocument(row);
            if ((string?)row["parent_id"] is { Length: > 0 } parentId)
            {
                Assert.True(byId.TryGetValue(parentId, out var parent), $"{id}: parent {parentId} has no document");
                Same(parent["process_pid"], row["parent_pid"], $"{id}: parent_pid");
                Same(parent["process_name"], row["parent_name"], $"{id}: parent_name");
                Same(parent["sensor_id"], row["sensor_id"], $"{id}: the parent's sensor_id");
                Assert.StartsWith(parentId + "-", (string)row["parent_unique_id"]!, StringComparison.Ordinal);
                Joined("parent");
            }

            var events = (await client.GetJsonAsync($"/api/v4/process/{id}/{(long)row["segment_id"]!}/event"))["process"]!.AsObject();
            foreach (var child in events["childproc_complete"]!.AsArray().Select(c => c!.AsObject()))
            {
                var childId = ((string)child["processId"]!)[..36];
                Assert.True(byId.TryGetValue(childId, out var own), $"{id}: child event names {childId}, which has no document");
                Same(own["process_md5"], child["md5"], $"{id}: child {childId} md5");
                Same(own["path"], child["path"], $"{id}: child {childId} path");
                Same(own["process_pid"], child["pid"], $"{id}: child {childId} pid");
                Same(JsonValue.Create(id), own["parent_id"], $"{id}: child {childId}'s parent_id");
                Joined("childproc");
            }

            foreach (var line in events["crossproc_complete"]!.AsArray().Select(c => (string)c!))
            {
                // type|time|other unique id|md5|path|subtype|access|tamper
                var f = line.Split('|');
                var otherId = f[2][..36];
                Assert.True(byId.TryGetValue(otherId, out var other), $"{id}: crossproc names {otherId}, which has no document");
                Assert.Equal((string)other["process_md5"]!, f[3], StringComparer.OrdinalIgnoreCase);
                Assert.Equal((string)other["path"]!, f[4]);
                Assert.Equal((string)other["unique_id"]!, f[2]);
                Joined("crossproc");
            }

            foreach (var line in events["modload_complete"]!.AsArray().Select(c => (string)c!))
            {
                // time|md5|path|sha256
                var f = line.Split('|');
                if (!binaries.TryGetValue(f[1], out var binary))
                    binaries[f[1]] = binary = (await client.GetJsonAsync($"/api/v1/binary/{f[1].ToUpperInvariant()}/summary")).AsObject();
                Assert.Equal(f[1], (string)binary["md5"]!, StringComparer.OrdinalIgnoreCase);
                Assert.Contains(f[2], binary["observed_filename"]!.AsArray().Select(o => (string?)o), StringComparer.OrdinalIgnoreCase);
                Joined("modload");
            }

            foreach (var hit in (await client.GetJsonAsync($"/api/v1/process/{id}/{(long)row["segment_id"]!}/threat_intel_hits")).AsArray().Select(h => h!.AsObject()))
            {
                Same(row["id"], hit["process_id"], $"{id}: hit process_id");
                Same(row["segment_id"], hit["segment_id"], $"{id}: hit segment_id");
                Same(row["sensor_id"], hit["sensor_id"], $"{id}: hit sensor_id");
                Same(row["hostname"], hit["hostname"], $"{id}: hit hostname");
                var report = (await client.GetJsonAsync($"/api/v1/feed/{(int)hit["feed_id"]!}/report/{(string)hit["report_id"]!}")).AsObject();
                Same(report["title"], hit["report_title"], $"{id}: hit report_title");
                Same(report["score"], hit["report_score"], $"{id}: hit report_score");
                Same(report["feed_name"], hit["feed_name"], $"{id}: hit feed_name");
                if ((string)hit["ioc_type"]! == "md5")
                    Assert.Equal((string)row["process_md5"]!, (string)hit["ioc_value"]!, StringComparer.OrdinalIgnoreCase);
                Joined("threat intel hit");
            }
        }

        foreach (var kind in new[] { "parent", "childproc", "crossproc", "modload", "threat intel hit" })
            Assert.True(joins.GetValueOrDefault(kind) > 0, $"no {kind} join was checked");
    }

    /// <summary>The GUID packs the sensor id and the pid (8-4-4-…): a placeholder's -1 pid included.</summary>
    private static void AssertGuidPacksTheDocument(JsonObject row)
    {
        var id = (string)row["id"]!;
        var hex = id.Replace("-", "", StringComparison.Ordinal);
        Assert.Equal((int)row["sensor_id"]!, int.Parse(hex[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        Assert.True((int)row["process_pid"]! == int.Parse(hex[8..16], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            $"{id}: the GUID packs pid {int.Parse(hex[8..16], NumberStyles.HexNumber, CultureInfo.InvariantCulture)}, the document says {(int)row["process_pid"]!}");
    }

    private static void Same(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what}: {actual?.ToJsonString()} but the named object says {expected?.ToJsonString()}");
}
