using System.Collections.Concurrent;
using CbTyped.Events.Consumer;
using CbTyped.Events.Hosting;
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
}
