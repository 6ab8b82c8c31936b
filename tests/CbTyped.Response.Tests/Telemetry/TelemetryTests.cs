using System.Diagnostics;
using CbTyped.Emulator;
using CbTyped.Emulator.Faults;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Telemetry;

/// <summary>
/// The SDK's spans and metrics as OpenTelemetry exports them (in-memory exporter), from real requests to the emulator:
/// names, parents, the HTTP client attributes, and that neither the token nor any query value appears anywhere. One
/// class, so its captures never overlap (each records only its own trace, and reads metrics per emulator port).
/// </summary>
public sealed class TelemetryTests
{
    private const string Term = "process_name:svchost.exe";

    [Fact]
    public async Task ASearchIsOneQuerySpanWhosePageSpansEachHoldOneGET()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 40 });
        var total = await EmulatorSession.CreateClient(session.Emulator).Select<Process>().Where(Term).CountAsync();
        Assert.True(total >= 5, $"the data set has {total} matches");

        using var capture = new TelemetryCapture();
        var rows = 0;
        await foreach (var _ in session.Client.Select<Process>().Where(Term).PageSize(2).PagesInFlight(3))
            rows++;

        Assert.Equal(total, rows);
        var query = Assert.Single(capture.Spans, s => s.DisplayName == "query Process");
        Assert.Equal(capture.Test.SpanId, query.ParentSpanId);
        Assert.Equal(ActivityKind.Internal, query.Kind);
        Assert.Equal("query", query.GetTagItem("cbtyped.operation"));
        Assert.Equal("Process", query.GetTagItem("cbtyped.model"));

        var pages = capture.Spans.Where(s => s.DisplayName == "page Process").OrderBy(s => (long)s.GetTagItem("cbtyped.page.start")!).ToList();
        Assert.Equal((total + 1) / 2, pages.Count);
        Assert.All(pages, page => Assert.Equal(query.SpanId, page.ParentSpanId));
        Assert.Equal(Enumerable.Range(0, pages.Count).Select(i => 2L * i), pages.Select(p => (long)p.GetTagItem("cbtyped.page.start")!));
        foreach (var page in pages)
        {
            var get = Assert.Single(capture.ChildrenOf(page));
            Assert.Equal("GET", get.DisplayName);
            Assert.Equal(ActivityKind.Client, get.Kind);
            Assert.Equal("GET", get.GetTagItem("http.request.method"));
            Assert.Equal("127.0.0.1", get.GetTagItem("server.address"));
            Assert.Equal(session.Emulator.BaseUrl.Port, get.GetTagItem("server.port"));
            Assert.Equal("http", get.GetTagItem("url.scheme"));
            Assert.Equal("/api/v1/process", get.GetTagItem("url.path"));
            Assert.Equal(200, get.GetTagItem("http.response.status_code"));
            Assert.Null(get.GetTagItem("http.request.resend_count"));
            Assert.Null(get.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Unset, get.Status);
        }

        // The client's first request, /api/info, belongs to the query that needed it.
        var info = Assert.Single(capture.HttpSpans, s => (string?)s.GetTagItem("url.path") == "/api/info");
        Assert.Equal(query.SpanId, info.ParentSpanId);
        AssertNothingSecret(capture, session.Emulator.Token, "svchost", "process_name");
    }

    [Fact]
    public async Task MetricsCountRequestDurationsPagesAndCacheHitsAndMissesPerServer()
    {
        await using var session = await EmulatorSession.StartAsync();
        var port = session.Emulator.BaseUrl.Port;
        using var capture = new TelemetryCapture();

        var processes = await session.Client.Select<Process>().PageSize(3).ToListAsync();
        var first = await session.Client.GetAsync<Sensor>("3");
        var second = await session.Client.GetAsync<Sensor>("3");

        Assert.Same(first, second);
        var pages = (processes.Count + 2) / 3;
        Assert.Equal(pages, capture.Sum("cbtyped.query.pages", port, ("cbtyped.model", "Process")));
        Assert.Equal(1, capture.Sum("cbtyped.cache.misses", port, ("cbtyped.model", "Sensor")));
        Assert.Equal(1, capture.Sum("cbtyped.cache.hits", port, ("cbtyped.model", "Sensor")));

        var durations = capture.Points("cbtyped.http.client.request.duration", port);
        var ok = durations.Where(p => TelemetryCapture.Tag(p, "http.response.status_code") == "200" && TelemetryCapture.Tag(p, "http.request.method") == "GET").ToList();
        // Every successful GET the server logged (/api/info, the 6.x partition check, the pages, one sensor), measured once.
        await session.WaitForRequestAsync(e => e.Path == "/api/v1/sensor/3"); // the last one
        var logged = session.Requests.Entries.Count(e => e.Method == "GET" && e.StatusCode == 200);
        Assert.True(logged >= pages + 2, $"{logged} requests logged");
        Assert.Equal(logged, ok.Sum(p => p.GetHistogramCount()));
        Assert.All(ok, p => Assert.Equal("127.0.0.1", TelemetryCapture.Tag(p, "server.address")));
        Assert.True(ok.Sum(p => p.GetHistogramSum()) > 0);
        Assert.Equal(0, capture.Sum("cbtyped.http.client.retries", port));
    }

    [Fact]
    public async Task ARetriedGETIsOneSpanPerAttemptWithItsResendCountAndOneCountedRetry()
    {
        await using var session = await EmulatorSession.StartAsync(configureClient: o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.Delay = TimeSpan.FromMilliseconds(1);
        });
        await session.Client.GetServerInfoAsync();
        session.Emulator.Faults.FailNext(EmulatorFault.Status(503), 1, pathPrefix: "/api/v1/sensor");
        using var capture = new TelemetryCapture();

        await session.Client.GetAsync<Sensor>("3");

        var get = Assert.Single(capture.Spans, s => s.DisplayName == "get Sensor");
        Assert.Equal(ActivityStatusCode.Unset, get.Status);
        var attempts = capture.ChildrenOf(get).Where(s => s.Kind == ActivityKind.Client).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(503, attempts[0].GetTagItem("http.response.status_code"));
        Assert.Equal("503", attempts[0].GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.Null(attempts[0].GetTagItem("http.request.resend_count"));
        Assert.Equal(200, attempts[1].GetTagItem("http.response.status_code"));
        Assert.Equal(1, attempts[1].GetTagItem("http.request.resend_count"));
        Assert.Equal(ActivityStatusCode.Unset, attempts[1].Status);
        Assert.All(attempts, a => Assert.Equal("/api/v1/sensor/3", a.GetTagItem("url.path")));

        var port = session.Emulator.BaseUrl.Port;
        Assert.Equal(1, capture.Sum("cbtyped.http.client.retries", port, ("http.request.method", "GET"), ("error.type", "503")));
        var failed = capture.Points("cbtyped.http.client.request.duration", port).Where(p => TelemetryCapture.Tag(p, "error.type") == "503");
        Assert.Equal(1, failed.Sum(p => p.GetHistogramCount()));
        AssertNothingSecret(capture, session.Emulator.Token);
    }

    [Fact]
    public async Task ASaveIsASaveSpanOverItsPUTAndAFailedGetMarksItsSpanAndItsGET()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sensor = await session.Client.GetAsync<Sensor>("3");
        using var capture = new TelemetryCapture();

        sensor.Notes = "moved by the SOC";
        await session.Client.SaveAsync(sensor);
        await Assert.ThrowsAsync<CbObjectNotFoundException>(() => session.Client.GetAsync<Sensor>("999"));

        var save = Assert.Single(capture.Spans, s => s.DisplayName == "save Sensor");
        Assert.Equal("update", save.GetTagItem("cbtyped.save.kind"));
        Assert.Equal(capture.Test.SpanId, save.ParentSpanId);
        var put = Assert.Single(capture.ChildrenOf(save), s => (string?)s.GetTagItem("http.request.method") == "PUT");
        Assert.Equal("PUT", put.DisplayName);
        Assert.Equal("/api/v1/sensor/3", put.GetTagItem("url.path"));
        Assert.True((int)put.GetTagItem("http.response.status_code")! < 300);

        var get = Assert.Single(capture.Spans, s => s.DisplayName == "get Sensor");
        Assert.Equal(ActivityStatusCode.Error, get.Status);
        Assert.Equal(typeof(CbObjectNotFoundException).FullName, get.GetTagItem("error.type"));
        var notFound = Assert.Single(capture.ChildrenOf(get));
        Assert.Equal(404, notFound.GetTagItem("http.response.status_code"));
        Assert.Equal("404", notFound.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, notFound.Status);
        AssertNothingSecret(capture, session.Emulator.Token, "moved by the SOC");
    }

    [Fact]
    public async Task AProcessWalkIsOneWalkSpanOverTheRequestsItMade()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cmd = await session.Client.GetAsync<Process>(Process.KeyFor("00000003-0000-036c-01d2-2efd3af51186", 0));
        using var capture = new TelemetryCapture();

        var walk = await cmd.WalkChildrenAsync((_, _) => { });

        var span = Assert.Single(capture.Spans, s => s.DisplayName == "walk Process");
        Assert.Equal("children", span.GetTagItem("cbtyped.walk.direction"));
        Assert.Equal(walk.Visited, span.GetTagItem("cbtyped.walk.visited"));
        Assert.Equal(capture.Test.SpanId, span.ParentSpanId);
        var http = capture.HttpSpans;
        Assert.NotEmpty(http);
        Assert.All(http, request => Assert.True(IsBelow(capture, request, span), $"{request.DisplayName} {request.GetTagItem("url.path")} is not inside the walk"));
    }

    [Fact]
    public void WithNothingListeningNoSpanIsStarted()
    {
        // No capture is alive (this class runs its tests one at a time), so the source has no listener.
        using var activity = CbTelemetry.StartOperation("walk", "Process");
        Assert.Null(activity);
    }

    private static bool IsBelow(TelemetryCapture capture, Activity span, Activity ancestor)
    {
        var byId = capture.Spans.ToDictionary(s => s.SpanId);
        for (var current = span; byId.TryGetValue(current.ParentSpanId, out var parent); current = parent)
        {
            if (parent.SpanId == ancestor.SpanId)
                return true;
        }
        return false;
    }

    /// <summary>No span name or attribute value holds the token, a query string, or any of <paramref name="values"/>.</summary>
    private static void AssertNothingSecret(TelemetryCapture capture, string token, params string[] values)
    {
        Assert.NotEmpty(capture.Spans);
        foreach (var span in capture.Spans)
        {
            var texts = span.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
                .Append(span.DisplayName).Append(span.OperationName).Append(span.StatusDescription ?? "")
                .Concat(span.Events.Select(e => e.Name));
            foreach (var text in texts)
            {
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
                Assert.DoesNotContain("?", text, StringComparison.Ordinal);
                Assert.DoesNotContain("rows=", text, StringComparison.Ordinal);
                foreach (var value in values)
                    Assert.DoesNotContain(value, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
