using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CbTyped.Events.Hosting;
using CbTyped.Events.Sources;
using CbTyped.Events.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CbTyped.Events.Tests.Sources;

/// <summary>The file and HTTP sources under a generic host, sharing one handler registry.</summary>
public sealed class SourceHostingTests
{
    [Fact]
    public async Task AddCbEventSource_runs_a_file_and_an_http_source_with_the_same_handlers_for_the_life_of_the_host()
    {
        var dir = Directory.CreateTempSubdirectory("cbtyped-hosted-").FullName;
        try
        {
            var path = Path.Combine(dir, "events.json");
            File.WriteAllText(path, "{\"type\":\"watchlist.hit.process\",\"from\":\"file\"}\n");
            var seen = new ConcurrentQueue<string>();
            var builder = Host.CreateApplicationBuilder();
            builder.Services.AddSingleton(new CbEventHandlerRegistry().On("watchlist.#", (evt, _) =>
            {
                seen.Enqueue(Encoding.UTF8.GetString(evt.Message.Body.Span));
                return Task.CompletedTask;
            }));
            builder.Services.AddCbEventSource(p => new CbJsonLinesFileSource(
                new CbJsonLinesFileOptions { Path = path, PollInterval = TimeSpan.FromMilliseconds(20) }, p.GetRequiredService<CbEventHandlerRegistry>()));
            builder.Services.AddCbEventSource(p => new CbForwarderHttpSource(new CbForwarderHttpOptions(), p.GetRequiredService<CbEventHandlerRegistry>()));
            using var host = builder.Build();
            await host.StartAsync();

            var http = host.Services.GetRequiredService<CbForwarderHttpSource>();
            using var client = new HttpClient();
            using var answer = await client.PostAsync(http.Url, new StringContent("{\"alerts\":[{\"type\":\"watchlist.hit.binary\",\"from\":\"http\"}]}"));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            await BusClient.EventuallyAsync(() => seen.Count == 2, "one event from each source");
            await host.StopAsync();

            Assert.Equal(
                ["{\"type\":\"watchlist.hit.binary\",\"from\":\"http\"}", "{\"type\":\"watchlist.hit.process\",\"from\":\"file\"}"],
                seen.Order(StringComparer.Ordinal).ToArray());
            await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(http.Url, new StringContent("{}"))); // stopped with the host
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
