using System.Net;
using System.Text.Json;
using CbTyped.Emulator.Faults;

namespace CbTyped.Emulator.Tests;

/// <summary>Every fault, from the options API and from the script header / query parameter.</summary>
public sealed class FaultTests : FreshEmulatorTest
{
    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Fail_next_n_gives_the_status_n_times_then_succeeds(int status)
    {
        Emulator.Faults.FailNext(EmulatorFault.Status(status), count: 2, pathPrefix: "/api/v1/sensor");
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Client.Http.GetAsync("/api/v1/sensor/3");
            statuses.Add((int)response.StatusCode);
        }

        using var other = await Client.Http.GetAsync("/api/info");
        Assert.Equal([status, status, 200], statuses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal([status, status, 200, 200], Emulator.RequestLog.Entries.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task Rules_only_hit_the_named_method()
    {
        Emulator.Faults.FailNext(EmulatorFault.Status(500), count: 1, pathPrefix: "/api/v1/sensor", method: "PUT");
        using var get = await Client.Http.GetAsync("/api/v1/sensor/3");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(1, Emulator.Faults.Pending);
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        Emulator.Faults.FailNext(EmulatorFault.TooManyRequests(7));
        using var response = await Client.Http.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_delay_answers_normally_but_late()
    {
        Emulator.Faults.FailNext(EmulatorFault.Slow(TimeSpan.FromMilliseconds(400)));
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var response = await Client.Http.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(350), started.Elapsed.ToString());
    }

    [Fact]
    public async Task A_delay_longer_than_the_client_timeout_times_out()
    {
        Emulator.Faults.FailNext(EmulatorFault.Slow(TimeSpan.FromSeconds(5)));
        Client.Http.Timeout = TimeSpan.FromMilliseconds(300);
        await Assert.ThrowsAsync<TaskCanceledException>(() => Client.Http.GetAsync("/api/info"));
    }

    [Fact]
    public async Task An_aborted_connection_is_an_http_request_exception()
    {
        Emulator.Faults.FailNext(EmulatorFault.Abort());
        await Assert.ThrowsAsync<HttpRequestException>(() => Client.Http.GetAsync("/api/info"));
        using var next = await Client.Http.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_truncated_body_fails_while_reading()
    {
        Emulator.Faults.FailNext(EmulatorFault.TruncatedBody());
        var error = await Record.ExceptionAsync(async () =>
        {
            using var response = await Client.Http.GetAsync("/api/v1/sensor/3");
            await response.Content.ReadAsStringAsync();
        });
        Assert.IsType<HttpRequestException>(error);
    }

    [Fact]
    public async Task Malformed_json_is_a_200_whose_body_does_not_parse()
    {
        Emulator.Faults.FailNext(EmulatorFault.MalformedJson());
        using var response = await Client.Http.GetAsync("/api/v1/sensor/3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"id\":3", text, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task An_html_error_page_is_text_html()
    {
        Emulator.Faults.FailNext(EmulatorFault.HtmlError(502));
        using var response = await Client.Http.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("503", 503)]
    [InlineData("429:3", 429)]
    [InlineData("html", 502)]
    [InlineData("malformed-json", 200)]
    public async Task Scripts_inject_faults_with_a_header(string header, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/info");
        request.Headers.Add("X-Emulator-Fault", header);
        using var response = await Client.Http.SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Scripts_inject_faults_with_a_query_parameter()
    {
        using var response = await Client.Http.GetAsync("/api/info?emulator.fault=504");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => Client.Http.GetAsync("/api/info?emulator.fault=abort"));
    }

    [Fact]
    public async Task Always_applies_until_cleared()
    {
        Emulator.Faults.Always(EmulatorFault.Status(500), pathPrefix: "/api/info");
        for (var i = 0; i < 3; i++)
        {
            using var response = await Client.Http.GetAsync("/api/info");
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        Emulator.Faults.Clear();
        using var ok = await Client.Http.GetAsync("/api/info");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }
}
