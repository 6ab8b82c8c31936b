using System.Text.Json;
using CbTyped.Cli;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Bus;

[Collection(BrokerFixtureDefinition.Name)]
public class EventsTailCommandTests(RabbitMqNode node)
{
    [Fact]
    public async Task Events_tail_json_prints_one_line_per_matching_event_with_its_body()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = CliApplication.RunAsync(
            ["events", "tail", "--amqp", $"amqp://guest:guest@127.0.0.1:{node.AmqpPort}/", "--routing-key", "watchlist.hit.#", "--json", "--count", "2"],
            output, error, errorIsTerminal: false, cancellationToken: timeout.Token);
        // The command declares its queue when it starts: publish until it has printed two events.
        while (!run.IsCompleted && !timeout.IsCancellationRequested)
        {
            await BusClient.PublishJsonAsync(node, ("feed.synchronized", "{}"), ("watchlist.hit.process", "{\"watchlist_id\":7}"));
            await Task.WhenAny(run, Task.Delay(200));
        }
        Assert.Equal(0, await run);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal("watchlist.hit.process", json.RootElement.GetProperty("routing_key").GetString());
            Assert.Equal("application/json", json.RootElement.GetProperty("content_type").GetString());
            Assert.Equal(7, json.RootElement.GetProperty("body").GetProperty("watchlist_id").GetInt32());
        }
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public async Task Events_tail_refuses_a_url_that_is_not_amqp()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(["events", "tail", "--amqp", "http://127.0.0.1:1/"], output, error, errorIsTerminal: false);
        Assert.NotEqual(0, code);
        Assert.Contains("amqp://", error.ToString(), StringComparison.Ordinal);
    }
}
