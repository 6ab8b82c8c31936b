using System.Text;
using System.Text.Json.Nodes;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// The Live Response spec operations on their own, over HTTP against the emulator: a multipart upload
/// (<c>LiveResponseFile.UploadFileAsync</c>), its content read back as a stream, and a free-form command body
/// (<c>LiveResponseCommand.PostCommandAsync</c> with members whose values are a text and a list), and a session's
/// life through <c>LiveResponseServerSession</c>'s operations.
/// </summary>
public sealed class LiveResponseSpecOperationsTests
{
    [Fact]
    public async Task AnUploadIsAMultipartFormWhoseBytesComeBackFromTheFileStore()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var sensor = await emulator.Client.Select<Sensor>().Where("hostname:HOSTNAME").FirstAsync();
        await using var session = await sensor.OpenLiveResponseSessionAsync(LiveResponseHarness.FastOptions());

        using var source = new MemoryStream(Encoding.ASCII.GetBytes("uploaded through the spec"));
        var file = await LiveResponseFile.UploadFileAsync(emulator.Client, session.SessionId, source, "spec.txt");
        Assert.NotNull(file.Id);
        Assert.True(source.CanRead); // the caller's stream stays open

        await using var content = await LiveResponseFile.OpenContentAsync(emulator.Client, session.SessionId, file.Id!.Value);
        using var reader = new StreamReader(content, Encoding.ASCII);
        Assert.Equal("uploaded through the spec", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task ACommandBodyCarriesItsObjectAndFreeFormMembers()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var sensor = await emulator.Client.Select<Sensor>().Where("hostname:HOSTNAME").FirstAsync();
        await using var session = await sensor.OpenLiveResponseSessionAsync(LiveResponseHarness.FastOptions());

        var arguments = new Dictionary<string, JsonNode?>
        {
            ["session_id"] = session.SessionId,
            ["overwrite"] = true,
            ["value_type"] = "REG_MULTI_SZ",
            ["value_data"] = new JsonArray("one", "two"),
        };
        var posted = await LiveResponseCommand.PostCommandAsync(emulator.Client, session.SessionId, "reg set value",
            @"HKLM\Software\CbTyped\Spec", arguments);

        Assert.NotNull(posted.Id);
        Assert.Equal("reg set value", posted.Name);
        Assert.Equal(session.SessionId, posted.SessionId);
        // The server echoes the request's members: the object and the list arrived as JSON values.
        string echoed = Encoding.UTF8.GetString(posted.ToUtf8Json(CbTyped.Modeling.CbWriteMode.Full));
        Assert.Contains("\"object\":\"HKLM\\\\Software\\\\CbTyped\\\\Spec\"", echoed, StringComparison.Ordinal);
        Assert.Contains("\"value_data\":[\"one\",\"two\"]", echoed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionStartedThroughItsOperationsIsFetchedListedKeptAliveAndPolledForCommands()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var sensor = await emulator.Client.Select<Sensor>().Where("hostname:HOSTNAME").FirstAsync();
        int sensorId = sensor.Id!.Value;

        var started = await LiveResponseServerSession.StartAsync(emulator.Client, sensorId);
        int id = started.Id!.Value;
        Assert.Equal(sensorId, started.SensorId);
        Assert.Equal($"{{\"sensor_id\":{sensorId}}}", emulator.Requests.Entries.Single(e => e.Method == "POST" && e.Path == "/api/v1/cblr/session").Body);

        var fetched = await LiveResponseServerSession.FetchAsync(emulator.Client, id);
        Assert.Equal(id, fetched.Id);
        Assert.True(fetched.Status is "pending" or "active", fetched.Status);
        Assert.NotSame(fetched, await LiveResponseServerSession.FetchAsync(emulator.Client, id)); // a poll reads anew

        var open = await LiveResponseServerSession.ListOpenAsync(emulator.Client);
        Assert.Contains(open, s => s.Id == id && s.SensorId == sensorId);
        Assert.Contains(emulator.Requests.Entries, e => e.Method == "GET" && e.PathAndQuery == "/api/v1/cblr/session?active_only=true");

        await LiveResponseServerSession.KeepAliveAsync(emulator.Client, id);
        Assert.Contains(emulator.Requests.Entries, e => e.Method == "GET" && e.Path == $"/api/v1/cblr/session/{id}/keepalive" && e.StatusCode == 200);

        // Commands are polled at the spec's command route.
        var posted = await LiveResponseCommand.PostCommandAsync(emulator.Client, id, "process list");
        var polled = await LiveResponseCommand.FetchAsync(emulator.Client, id, posted.Id!.Value);
        Assert.Equal(posted.Id, polled.Id);
        Assert.Equal("process list", polled.Name);
        Assert.Contains(emulator.Requests.Entries, e => e.Method == "GET" && e.Path == $"/api/v1/cblr/session/{id}/command/{posted.Id}");

        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => LiveResponseServerSession.FetchAsync(emulator.Client, id + 1000));
    }
}
