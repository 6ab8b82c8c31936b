using System.Text;
using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests.Hostile;

/// <summary>
/// A server that redirects. The token may only go to the configured origin (scheme, host, port): the client follows a
/// redirect only on that origin, for GET/HEAD, a bounded number of times; anything else is a CbRedirectException and
/// the target is never contacted. Two loopback servers on two ports are two origins; 127.0.0.1 and localhost are two
/// more.
/// </summary>
public sealed class RedirectTests
{
    public static readonly TheoryData<int, string> StatusesAndMethods = Cases();

    private static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var status in new[] { 301, 302, 303, 307, 308 })
            foreach (var method in new[] { "GET", "POST" })
                data.Add(status, method);
        return data;
    }

    private static void RedirectTo(LoopbackServer server, string method, string path, int status, string location) =>
        server.Route(method, path, ctx =>
        {
            ctx.Response.StatusCode = status;
            ctx.Response.Headers.Location = location;
            return Task.CompletedTask;
        });

    private static Task<System.Text.Json.JsonDocument?> Send(CbResponseClient client, string method, string path) =>
        client.SendJsonAsync(new HttpMethod(method), path, method == "POST" ? Encoding.UTF8.GetBytes("""{"secret":"body"}""") : null);

    [Theory]
    [MemberData(nameof(StatusesAndMethods))]
    public async Task A_redirect_to_another_port_is_refused_and_the_other_server_sees_nothing(int status, string method)
    {
        await using var origin = await LoopbackServer.StartAsync();
        await using var other = await LoopbackServer.StartAsync();
        other.RouteJson("GET", "/api/v1/sensor/3", """{"id":3,"from":"other"}""");
        other.RouteJson("POST", "/api/v1/sensor/3", """{"id":3,"from":"other"}""");
        RedirectTo(origin, method, "/api/v1/sensor/3", status, new Uri(other.Url, "/api/v1/sensor/3").ToString());
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(origin, o => o.LoggerFactory = logs);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => Send(client, method, "/api/v1/sensor/3"));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(method, e.Method);
        Assert.Equal("/api/v1/sensor/3", e.Path);
        Assert.Equal(new Uri(other.Url, "/api/v1/sensor/3"), e.Target);
        Assert.Contains("another origin", e.Message, StringComparison.Ordinal);
        Assert.Empty(other.Requests);                                   // neither the token nor the body went there
        Assert.Equal(1, origin.CountRequests(method, "/api/v1/sensor/3")); // and a refused redirect is not retried
        NoLeaks.Assert(origin.Token, e, logs);
    }

    [Theory]
    [MemberData(nameof(StatusesAndMethods))]
    public async Task A_redirect_to_another_host_name_on_the_same_port_is_refused(int status, string method)
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, method, "/api/old", status, $"http://localhost:{origin.Url.Port}/api/new");
        origin.RouteJson(method, "/api/new", """{"from":"localhost"}""");
        using var client = TestClients.For(origin);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => Send(client, method, "/api/old"));

        Assert.Equal("localhost", e.Target!.Host);
        Assert.Equal(0, origin.CountRequests(method, "/api/new"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_same_origin_redirect_of_a_GET_is_followed_with_the_token(int status)
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, "GET", "/api/old", status, "/api/new?x=1");
        origin.RouteJson("GET", "/api/new", """{"moved":true}""");
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(origin, o => o.LoggerFactory = logs);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/old");

        Assert.True(doc!.RootElement.GetProperty("moved").GetBoolean());
        Assert.Equal(["GET /api/old", "GET /api/new?x=1"], origin.Requests);
        Assert.Equal(origin.Token, origin.LastHeaders!["X-Auth-Token"]);
        Assert.Contains(logs.Lines, l => l.Message == "HTTP GET /api/old redirected to /api/new?x=1 on the same server; following");
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_same_origin_redirect_of_a_POST_is_refused_and_the_POST_is_sent_once(int status)
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, "POST", "/api/old", status, "/api/new");
        origin.RouteJson("POST", "/api/new", "{}");
        origin.RouteJson("GET", "/api/new", "{}");
        using var client = TestClients.For(origin);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => Send(client, "POST", "/api/old"));

        Assert.Contains("a POST is never redirected", e.Message, StringComparison.Ordinal);
        Assert.Equal(["POST /api/old"], origin.Requests);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task A_same_origin_redirect_of_a_PUT_or_DELETE_is_refused(string method)
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, method, "/api/v1/sensor/3", 307, "/api/v1/sensor/4");
        origin.RouteJson(method, "/api/v1/sensor/4", "{}");
        using var client = TestClients.For(origin);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(new HttpMethod(method), "/api/v1/sensor/3", "{}"u8.ToArray()));

        Assert.Equal(307, e.StatusCode);
        Assert.Equal(0, origin.CountRequests(method, "/api/v1/sensor/4"));
    }

    [Fact]
    public async Task A_typed_get_that_is_redirected_elsewhere_is_an_error_not_the_other_hosts_object()
    {
        await using var origin = await LoopbackServer.StartAsync();
        await using var other = await LoopbackServer.StartAsync();
        other.RouteJson("GET", "/api/v1/sensor/3", """{"id":3,"computer_name":"NOT-THE-SENSOR"}""");
        RedirectTo(origin, "GET", "/api/v1/sensor/3", 302, new Uri(other.Url, "/api/v1/sensor/3").ToString());
        using var client = TestClients.For(origin);

        await Assert.ThrowsAsync<CbRedirectException>(() => client.GetAsync<Box>("3"));

        Assert.Empty(other.Requests);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task An_https_to_http_redirect_is_refused_as_a_downgrade_not_returned_as_null(int status)
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var origin = await LoopbackServer.StartAsync(certificate);
        await using var plain = await LoopbackServer.StartAsync();
        plain.RouteJson("GET", "/api/v1/sensor/3", """{"id":3}""");
        RedirectTo(origin, "GET", "/api/v1/sensor/3", status, new Uri(plain.Url, "/api/v1/sensor/3").ToString());
        var options = new CbResponseClientOptions { VerifyServerCertificate = false };
        using var client = new CbResponseClient(origin.Url, origin.Token, options);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3"));

        Assert.Contains("downgrades https to http", e.Message, StringComparison.Ordinal);
        Assert.Equal(Uri.UriSchemeHttp, e.Target!.Scheme);
        Assert.Empty(plain.Requests);
    }

    [Fact]
    public async Task A_same_origin_redirect_over_https_is_followed()
    {
        using var certificate = TestCertificates.SelfSigned();
        await using var origin = await LoopbackServer.StartAsync(certificate);
        RedirectTo(origin, "GET", "/api/old", 301, new Uri(origin.Url, "/api/new").ToString());
        origin.RouteJson("GET", "/api/new", """{"moved":true}""");
        using var client = new CbResponseClient(origin.Url, origin.Token, new CbResponseClientOptions { VerifyServerCertificate = false });

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/old");

        Assert.True(doc!.RootElement.GetProperty("moved").GetBoolean());
    }

    [Fact]
    public async Task A_redirect_loop_is_cut_after_five_hops()
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, "GET", "/api/loop", 302, "/api/loop");
        using var client = TestClients.For(origin);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/loop"));

        Assert.Contains("more than 5 redirects", e.Message, StringComparison.Ordinal);
        Assert.Equal(6, origin.CountRequests("GET", "/api/loop")); // the first request and five followed hops
    }

    [Fact]
    public async Task With_FollowRedirects_off_even_a_same_origin_GET_redirect_is_refused()
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, "GET", "/api/old", 302, "/api/new");
        origin.RouteJson("GET", "/api/new", "{}");
        using var client = TestClients.For(origin, o => o.FollowRedirects = false);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/old"));

        Assert.Contains("FollowRedirects is off", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, origin.CountRequests("GET", "/api/new"));
    }

    [Theory]
    [InlineData(300, "/api/new")]
    [InlineData(304, null)]
    [InlineData(302, null)]
    public async Task A_3xx_that_is_not_a_followable_redirect_is_a_redirect_error_not_an_empty_answer(int status, string? location)
    {
        await using var origin = await LoopbackServer.StartAsync();
        origin.Route("GET", "/api/odd", ctx =>
        {
            ctx.Response.StatusCode = status;
            if (location is not null)
                ctx.Response.Headers.Location = location;
            return Task.CompletedTask;
        });
        using var client = TestClients.For(origin);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/odd"));

        Assert.Equal(status, e.StatusCode);
        Assert.Equal(1, origin.CountRequests("GET", "/api/odd"));
    }

    [Fact]
    public async Task A_target_that_repeats_the_token_is_shown_redacted()
    {
        await using var origin = await LoopbackServer.StartAsync();
        await using var other = await LoopbackServer.StartAsync();
        RedirectTo(origin, "GET", "/api/info2", 302, new Uri(other.Url, "/steal?token=" + origin.Token).ToString());
        var logs = new CapturingLoggerFactory();
        using var client = TestClients.For(origin, o => o.LoggerFactory = logs);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/info2"));

        Assert.Contains("/steal?token=REDACTED", e.Message, StringComparison.Ordinal);
        NoLeaks.Assert(origin.Token, e, logs);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task A_callers_HttpClient_that_follows_a_redirect_elsewhere_is_detected_and_refused()
    {
        await using var origin = await LoopbackServer.StartAsync();
        await using var other = await LoopbackServer.StartAsync();
        other.RouteJson("GET", "/api/v1/sensor/3", """{"id":3,"from":"other"}""");
        RedirectTo(origin, "GET", "/api/v1/sensor/3", 302, new Uri(other.Url, "/api/v1/sensor/3").ToString());
        using var http = new HttpClient(new SocketsHttpHandler()); // AllowAutoRedirect = true: the caller's choice
        using var client = TestClients.For(origin, o => o.HttpClient = http);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3"));

        Assert.Contains("followed by the caller's HttpClient or handler", e.Message, StringComparison.Ordinal);
        Assert.Equal(new Uri(other.Url, "/api/v1/sensor/3"), e.Target);
        // The documented limit: a handler that follows redirects itself has already sent the request there.
        Assert.Single(other.Requests);
    }

    [Fact]
    public async Task A_callers_handler_that_follows_a_same_origin_GET_redirect_is_accepted()
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, "GET", "/api/old", 302, "/api/new");
        origin.RouteJson("GET", "/api/new", """{"moved":true}""");
        using var handler = new SocketsHttpHandler();
        using var client = TestClients.For(origin, o => o.Transport = handler);

        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/old");

        Assert.True(doc!.RootElement.GetProperty("moved").GetBoolean());
    }

    [Theory]
    [InlineData(302, "was turned into a GET")]
    [InlineData(307, "was moved to another path")]
    public async Task A_callers_handler_that_follows_a_same_origin_redirect_of_a_POST_is_refused(int status, string reason)
    {
        await using var origin = await LoopbackServer.StartAsync();
        RedirectTo(origin, "POST", "/api/old", status, "/api/new");
        origin.RouteJson("GET", "/api/new", """{"not":"the answer"}""");
        origin.RouteJson("POST", "/api/new", """{"not":"the answer"}""");
        using var handler = new SocketsHttpHandler();
        using var client = TestClients.For(origin, o => o.Transport = handler);

        var e = await Assert.ThrowsAsync<CbRedirectException>(() => Send(client, "POST", "/api/old"));

        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callers_handler_that_only_rewrites_the_query_of_a_POST_is_not_mistaken_for_a_redirect()
    {
        await using var origin = await LoopbackServer.StartAsync();
        origin.RouteJson("POST", "/api/user", """{"ok":true}""");
        using var handler = new QueryAppendingHandler(new SocketsHttpHandler());
        using var client = TestClients.For(origin, o => o.Transport = handler);

        using var doc = await Send(client, "POST", "/api/user");

        Assert.True(doc!.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(["POST /api/user?traced=1"], origin.Requests);
    }

    private sealed class QueryAppendingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(request.RequestUri + "?traced=1");
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Fact]
    public async Task A_client_built_with_CreateHttpHandler_does_not_let_the_handler_follow()
    {
        await using var origin = await LoopbackServer.StartAsync();
        await using var other = await LoopbackServer.StartAsync();
        RedirectTo(origin, "GET", "/api/v1/sensor/3", 302, new Uri(other.Url, "/api/v1/sensor/3").ToString());
        var options = new CbResponseClientOptions { AllowInsecureHttp = true };
        using var handler = CbResponseClient.CreateHttpHandler(new CbCredentials(origin.Url, origin.Token), options);
        using var http = new HttpClient(handler);
        options.HttpClient = http;
        using var client = new CbResponseClient(origin.Url, origin.Token, options);

        await Assert.ThrowsAsync<CbRedirectException>(() => client.SendJsonAsync(HttpMethod.Get, "/api/v1/sensor/3"));

        Assert.False(handler.AllowAutoRedirect);
        Assert.Empty(other.Requests);
    }
}
