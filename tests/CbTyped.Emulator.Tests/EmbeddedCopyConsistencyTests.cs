using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>
/// The emulator agrees with itself: every copy of a process embedded in another answer (search rows, a summary's
/// parent and children blocks, alert documents) says what the process's own document says, over the whole seeded
/// data set and over a bulk one. A client that trusts the embedded copy (as cbapi does with the parent block) must
/// walk the same chain as one that fetches each document.
/// </summary>
public sealed class EmbeddedCopyConsistencyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(400)]
    public async Task Every_embedded_process_copy_matches_the_process_own_document(int bulkProcesses)
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Processes = bulkProcesses, Seed = 5 });
        using var client = new EmulatorClient(emulator);
        var own = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var summaries = new Dictionary<string, JsonObject>(StringComparer.Ordinal);

        async Task<JsonObject> OwnAsync(string id, long segment)
        {
            var key = id + "/" + segment;
            if (!own.TryGetValue(key, out var document))
            {
                var summary = (await client.GetJsonAsync($"/api/v1/process/{id}/{segment}?children=1000")).AsObject();
                summaries[key] = summary;
                own[key] = document = summary["process"]!.AsObject();
            }
            return document;
        }

        var rows = (await client.GetJsonAsync($"/api/v1/process?q=&rows={emulator.ProcessCount}&start=0"))["results"]!.AsArray();
        Assert.Equal(emulator.ProcessCount, rows.Count);
        var checkedCopies = 0;
        foreach (var row in rows.Select(r => r!.AsObject()))
        {
            var id = (string)row["id"]!;
            var segment = (long)row["segment_id"]!;
            AssertSameFields(await OwnAsync(id, segment), row, $"search row of {id}");
            var summary = summaries[id + "/" + segment];
            if (summary["parent"] is JsonObject { Count: > 0 } parent)
            {
                var parentOwn = await OwnAsync((string)parent["id"]!, (long)parent["segment_id"]!);
                AssertSameFields(parentOwn, parent, $"parent block in the summary of {id}");
                checkedCopies++;
            }
            foreach (var child in summary["children"]!.AsArray().Select(c => c!.AsObject()))
            {
                AssertSameFields(await OwnAsync((string)child["id"]!, (long)child["segment_id"]!), child, $"children block in the summary of {id}");
                checkedCopies++;
            }
        }
        Assert.True(checkedCopies >= rows.Count - 2, $"only {checkedCopies} embedded copies were compared");

        var alerts = (await client.GetJsonAsync("/api/v2/alert?q=&rows=1000&start=0"))["results"]!.AsArray();
        var processAlerts = alerts.Select(a => a!.AsObject()).Where(a => a["process_unique_id"] is JsonValue).ToList();
        Assert.NotEmpty(processAlerts);
        foreach (var alert in processAlerts)
        {
            var guid = (string)alert["process_unique_id"]!;
            var document = await OwnAsync(guid[..36], Convert.ToInt64(guid[37..], 16));
            foreach (var (alertField, processField) in new[] { ("process_name", "process_name"), ("hostname", "hostname"), ("sensor_id", "sensor_id"), ("process_path", "path") })
            {
                if (alert[alertField] is { } value)
                    Assert.True(JsonNode.DeepEquals(document[processField], value), $"alert {(string?)alert["unique_id"]} says {alertField}={value.ToJsonString()}, the process says {document[processField]?.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task The_seed_net_exe_has_eight_parents_and_the_kernel_parent_block_is_the_placeholder()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions());
        using var client = new EmulatorClient(emulator);
        var net = (await client.GetJsonAsync("/api/v1/process?q=process_name%3Anet.exe&rows=1"))["results"]![0]!.AsObject();

        // Follow the summaries' parent blocks as cbapi does: stop at no parent or a process_pid of -1.
        var parents = new List<string>();
        var summary = await client.GetJsonAsync($"/api/v1/process/{(string)net["id"]!}/{(long)net["segment_id"]!}");
        while (summary["parent"] is JsonObject { Count: > 0 } parent && (int)parent["process_pid"]! != -1)
        {
            parents.Add((string)parent["process_name"]!);
            summary = await client.GetJsonAsync($"/api/v1/process/{(string)parent["id"]!}/{(long)parent["segment_id"]!}");
        }

        Assert.Equal(["cmd.exe", "explorer.exe", "userinit.exe", "winlogon.exe", "smss.exe", "smss.exe", "ntoskrnl.exe", "ntoskrnl.exe"], parents);
    }

    private static void AssertSameFields(JsonObject own, JsonObject copy, string where)
    {
        foreach (var (name, value) in copy)
        {
            if (name == "is_suppressed" || !own.TryGetPropertyValue(name, out var expected))
                continue;
            Assert.True(JsonNode.DeepEquals(expected, value), $"{where}: {name} is {value?.ToJsonString()} but the process's own document says {expected?.ToJsonString()}");
        }
    }
}
