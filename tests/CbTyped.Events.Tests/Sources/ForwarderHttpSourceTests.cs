using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using CbTyped.Events.Sources;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Sources;

/// <summary>The forwarder's HTTP output posted over real HTTP on loopback.</summary>
public sealed class ForwarderHttpSourceTests
{
    private static readonly HttpClient Http = new();

    private static string Event(string type, int n) => $"{{\"type\":\"{type}\",\"n\":{n}}}";

    /// <summary>The body of the forwarder's default template: its first event bare, each next one after "\n, ".</summary>
    private static string DefaultTemplate(params string[] events) =>
        "{\"filename\": \"/var/cb/data/event-forwarder/event-bundle-2016-11-16T04:50:00\", \"service\": \"carbonblack\", \"alerts\":[" + string.Join("\n, ", events) + "]}";

    private static async Task<HttpStatusCode> PostAsync(Uri url, string body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    private static string Body(CbBusEvent evt) => Encoding.UTF8.GetString(evt.Message.Body.Span);

    [Fact]
    public async Task One_or_many_events_per_post_reach_the_handlers_and_the_post_is_answered_after_them()
    {
        var log = new LogLines<CbForwarderHttpSource>();
        await using var source = new CbForwarderHttpSource(new CbForwarderHttpOptions { Path = "/cb/events" }, log);
        var seen = new ConcurrentQueue<string>();
        source.On("watchlist.#", async (evt, ct) => { await Task.Delay(50, ct); seen.Enqueue(evt.RoutingKey + " " + Body(evt)); })
              .On("feed.#", (evt, _) => { seen.Enqueue(evt.RoutingKey + " " + Body(evt)); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        await source.StartAsync();
        var run = source.RunAsync(stop.Token);
        Assert.Equal("127.0.0.1", source.Url!.Host);
        Assert.Equal("/cb/events", source.Url.AbsolutePath);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(source.Url, DefaultTemplate(Event("watchlist.hit.process", 1), Event("feed.ingress.hit.process", 2), "[1]", Event("watchlist.hit.binary", 3))));
        Assert.Equal(3, seen.Count); // answered only after every handler returned
        Assert.Equal(HttpStatusCode.OK, await PostAsync(source.Url, Event("feed.query.hit.process", 4)));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(source.Url, "[" + Event("feed.storage.hit.binary", 5) + "]"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(source.Url, Event("watchlist.storage.hit.process", 6) + "\n" + Event("watchlist.storage.hit.binary", 7) + "\n"));
        await stop.CancelAsync();
        await run;

        Assert.Equal([
            "watchlist.hit.process {\"type\":\"watchlist.hit.process\",\"n\":1}",
            "feed.ingress.hit.process {\"type\":\"feed.ingress.hit.process\",\"n\":2}",
            "watchlist.hit.binary {\"type\":\"watchlist.hit.binary\",\"n\":3}",
            "feed.query.hit.process {\"type\":\"feed.query.hit.process\",\"n\":4}",
            "feed.storage.hit.binary {\"type\":\"feed.storage.hit.binary\",\"n\":5}",
            "watchlist.storage.hit.process {\"type\":\"watchlist.storage.hit.process\",\"n\":6}",
            "watchlist.storage.hit.binary {\"type\":\"watchlist.storage.hit.binary\",\"n\":7}"], seen.ToArray());
        Assert.Equal(1, source.SkippedEvents);
        Assert.Contains(log.Lines, l => l.Contains("POST 1, event 2: skipped (not a JSON object)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Gzip_bodies_are_read_and_bodies_over_the_limit_bad_json_wrong_tokens_and_other_methods_are_refused()
    {
        var log = new LogLines<CbForwarderHttpSource>();
        var options = new CbForwarderHttpOptions { MaxBodyBytes = 1024, AuthorizationToken = "Bearer s3cret" };
        await using var source = new CbForwarderHttpSource(options, log);
        var seen = new ConcurrentQueue<string>();
        source.On("#", (evt, _) => { seen.Enqueue(Body(evt)); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        await source.StartAsync();
        var run = source.RunAsync(stop.Token);
        var url = source.Url!;

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(url, Event("alert.watchlist.hit.query.process", 1)));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync(url, Event("alert.watchlist.hit.query.process", 1), "Bearer nope-xyz"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(url, DefaultTemplate(Enumerable.Range(0, 100).Select(i => Event("binaryinfo.observed", i)).ToArray()), "Bearer s3cret"));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(url, "{\"alerts\":[{\"type\":", "Bearer s3cret"));
        using (var get = await Http.GetAsync(url))
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);

        // gzip (the forwarder's compress_http_payload): the limit applies to what it expands to, and a body with
        // no Content-Length (chunked) is cut off at the limit too.
        Assert.Equal(HttpStatusCode.OK, await PostGzipAsync(url, DefaultTemplate(Event("binarystore.file.added", 2))));
        var bomb = new string(' ', 100_000) + Event("binarystore.file.added", 3);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostGzipAsync(url, bomb));
        await stop.CancelAsync();
        await run;

        Assert.Equal(["{\"type\":\"binarystore.file.added\",\"n\":2}"], seen.ToArray());
        Assert.DoesNotContain(log.Lines, l => l.Contains("s3cret", StringComparison.Ordinal) || l.Contains("nope-xyz", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Contains("refused with 413", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> PostGzipAsync(Uri url, string json)
    {
        using var packed = new MemoryStream();
        await using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(Encoding.UTF8.GetBytes(json));
        packed.Position = 0;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StreamContent(packed) };
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.TransferEncodingChunked = true;
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer s3cret");
        using var response = await Http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_handler_that_throws_answers_500_so_the_forwarder_posts_again_and_a_shared_registry_serves_two_sources()
    {
        var handlers = new CbEventHandlerRegistry();
        var attempts = 0;
        var seen = new ConcurrentQueue<string>();
        handlers.On("alert.#", (evt, _) =>
        {
            if (Interlocked.Increment(ref attempts) == 1)
                throw new InvalidOperationException("handler bug");
            seen.Enqueue(Body(evt));
            return Task.CompletedTask;
        });
        var dir = Directory.CreateTempSubdirectory("cbtyped-shared-").FullName;
        try
        {
            var path = Path.Combine(dir, "events.json");
            File.WriteAllText(path, Event("alert.watchlist.hit.query.binary", 9) + "\n");
            await using var http = new CbForwarderHttpSource(new CbForwarderHttpOptions(), handlers);
            await using var file = new CbJsonLinesFileSource(new CbJsonLinesFileOptions { Path = path, PollInterval = TimeSpan.FromMilliseconds(20) }, handlers);
            using var stop = new CancellationTokenSource();
            await http.StartAsync();
            var runHttp = http.RunAsync(stop.Token);

            Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(http.Url!, DefaultTemplate(Event("alert.watchlist.hit.query.process", 1))));
            Assert.Equal(HttpStatusCode.OK, await PostAsync(http.Url!, DefaultTemplate(Event("alert.watchlist.hit.query.process", 1))));
            var runFile = file.RunAsync(stop.Token);
            await BusClient.EventuallyAsync(() => seen.Count == 2, "the file's event through the same handler");
            await stop.CancelAsync();
            await Task.WhenAll(runHttp, runFile);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        Assert.Equal(["{\"type\":\"alert.watchlist.hit.query.process\",\"n\":1}", "{\"type\":\"alert.watchlist.hit.query.binary\",\"n\":9}"], seen.ToArray());
    }

    [Fact]
    public async Task ReadAllAsync_yields_each_posted_event_and_answers_when_the_loop_asks_for_more()
    {
        await using var source = new CbForwarderHttpSource(new CbForwarderHttpOptions());
        await source.StartAsync();
        using var stop = new CancellationTokenSource();
        var types = new ConcurrentQueue<string>();
        var read = Task.Run(async () =>
        {
            await foreach (var evt in source.ReadAllAsync(stop.Token))
                types.Enqueue(evt.RoutingKey + "|" + evt.Message.ContentType);
        });
        Assert.Equal(HttpStatusCode.OK, await PostAsync(source.Url!, DefaultTemplate(Event("ingress.event.procstart", 1), Event("ingress.event.netconn", 2))));
        await stop.CancelAsync();
        await read;
        Assert.Equal(["ingress.event.procstart|application/json", "ingress.event.netconn|application/json"], types.ToArray());
    }
}
