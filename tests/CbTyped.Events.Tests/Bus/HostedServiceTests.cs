using System.Collections.Concurrent;
using CbTyped.Events.Consumer;
using CbTyped.Events.Hosting;
using CbTyped.Events.Sources;
using CbTyped.Events.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CbTyped.Events.Tests.Bus;

[Collection(BrokerFixtureDefinition.Name)]
public class HostedServiceTests(RabbitMqNode node)
{
    [Fact]
    public async Task AddCbEventBus_runs_the_handlers_for_the_life_of_the_host_and_stopping_finishes_the_one_in_flight()
    {
        var queue = "hosted-" + Guid.NewGuid().ToString("N")[..12];
        var started = new TaskCompletionSource();
        var finished = new ConcurrentQueue<string>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(finished);
        builder.Services.AddCbEventBus(
            options =>
            {
                var test = BusClient.Options(node, queue);
                (options.Host, options.Port, options.User, options.Password, options.QueueName) = (test.Host, test.Port, test.User, test.Password, test.QueueName);
            },
            (consumer, services) => consumer.On("watchlist.hit.#", async (evt, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(500, ct); // still running when the host is told to stop
                services.GetRequiredService<ConcurrentQueue<string>>().Enqueue(evt.RoutingKey);
            }));
        using var host = builder.Build();
        await host.StartAsync();
        await BusClient.PublishJsonAsync(node, ("watchlist.hit.process", "{}"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await host.StopAsync();

        Assert.Equal(["watchlist.hit.process"], finished.ToArray());
        Assert.Equal(0u, await BusClient.CountAsync(node, queue)); // it was acknowledged before the connection closed
    }

    [Fact]
    public async Task The_bus_and_a_file_source_are_one_registration_model_each_run_by_its_own_hosted_service_in_one_host()
    {
        var dir = Directory.CreateTempSubdirectory("cbtyped-hosted-bus-").FullName;
        try
        {
            var path = Path.Combine(dir, "events.json");
            File.WriteAllText(path, "{\"type\":\"watchlist.hit.binary\",\"watchlist_id\":2}\n");
            var seen = new ConcurrentQueue<string>();
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton(new CbEventHandlerRegistry().On("watchlist.#", (evt, _) =>
            {
                seen.Enqueue(evt.GetType().Name + " " + evt.RoutingKey);
                return Task.CompletedTask;
            }));
            builder.Services.AddCbEventSource(p => new CbEventBusConsumer(BusClient.Options(node), p.GetRequiredService<CbEventHandlerRegistry>()));
            builder.Services.AddCbEventSource(p => new CbJsonLinesFileSource(
                new CbJsonLinesFileOptions { Path = path, PollInterval = TimeSpan.FromMilliseconds(20) }, p.GetRequiredService<CbEventHandlerRegistry>()));
            using var host = builder.Build();
            Assert.Equal(2, host.Services.GetServices<IHostedService>().OfType<CbEventSourceHostedService>().Count());
            await host.StartAsync(); // the consumer's queue is declared and bound before this returns
            await BusClient.PublishJsonAsync(node, ("watchlist.hit.process", "{\"watchlist_id\":1}"));
            await BusClient.EventuallyAsync(() => seen.Count == 2, "one event from the bus and one from the file");
            await host.StopAsync();

            // The same typed event from either source.
            Assert.Equal(["CbWatchlistHitEvent watchlist.hit.binary", "CbWatchlistHitEvent watchlist.hit.process"], seen.Order(StringComparer.Ordinal).ToArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
