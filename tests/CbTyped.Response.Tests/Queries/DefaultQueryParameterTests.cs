using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Queries;

/// <summary>
/// Each model's first page sends exactly the parameters cbapi sends (cbapi's Query: <c>cb.urlver=1</c>,
/// <c>facet=false</c> from server 5.1.1, <c>q</c>, <c>start</c>, <c>rows</c>; a <c>sort</c> only where the model has a
/// default sort, which in cbapi is Process alone; Alert pages are 500 rows, the others 100).
/// </summary>
public sealed class DefaultQueryParameterTests
{
    [Theory]
    [InlineData("Process", "/api/v1/process?cb.urlver=1&facet=false&q=&rows=100&sort=last_update+desc&start=0")]
    [InlineData("Binary", "/api/v1/binary?cb.urlver=1&facet=false&q=&rows=100&start=0")]
    [InlineData("Alert", "/api/v2/alert?cb.urlver=1&facet=false&q=&rows=500&start=0")]
    [InlineData("ThreatReport", "/api/v1/threat_report?cb.urlver=1&facet=false&q=&rows=100&start=0")]
    [InlineData("Sensor", "/api/v2/sensor?rows=100&start=0")]
    public async Task TheFirstPageOfAnUnfilteredQuerySendsCbapisParameters(string model, string expected)
    {
        await using var session = await EmulatorSession.StartAsync();

        await EnumerateFirstPageAsync(session.Client, model);

        var path = expected.Split('?', 2)[0];
        var request = await session.WaitForRequestAsync(e => e.Path == path);
        Assert.Equal(expected, request.PathAndQuery);
    }

    [Theory]
    [InlineData("Process", "/api/v1/process?cb.urlver=1&facet=false&q=&rows=1&sort=last_update+desc&start=0")]
    [InlineData("Binary", "/api/v1/binary?cb.urlver=1&facet=false&q=&rows=1&start=0")]
    [InlineData("Alert", "/api/v2/alert?cb.urlver=1&facet=false&q=&rows=1&start=0")]
    [InlineData("ThreatReport", "/api/v1/threat_report?cb.urlver=1&facet=false&q=&rows=1&start=0")]
    public async Task FirstAsyncAsksForOneRowWithNoSortButProcesses(string model, string expected)
    {
        await using var session = await EmulatorSession.StartAsync();

        await FirstAsync(session.Client, model);

        var path = expected.Split('?', 2)[0];
        await session.WaitForRequestAsync(e => e.Path == path); // logged when its response completes
        var request = Assert.Single(session.Requests.Entries, e => e.Path == path);
        Assert.Equal(expected, request.PathAndQuery);
    }

    [Theory]
    [InlineData("Process", "/api/v1/process?cb.urlver=1&facet=false&q=&rows=0&start=0")]
    [InlineData("Binary", "/api/v1/binary?cb.urlver=1&facet=false&q=&rows=0&start=0")]
    public async Task ACountSendsRowsZeroAndNoSort(string model, string expected)
    {
        await using var session = await EmulatorSession.StartAsync();

        var count = model == "Process" ? await session.Client.Select<Process>().CountAsync() : await session.Client.Select<Binary>().CountAsync();

        Assert.True(count > 0);
        var path = expected.Split('?', 2)[0];
        await session.WaitForRequestAsync(e => e.Path == path); // logged when its response completes
        var request = Assert.Single(session.Requests.Entries, e => e.Path == path);
        Assert.Equal(expected, request.PathAndQuery);
    }

    [Fact]
    public async Task AnExplicitSortIsSentAsAsked()
    {
        await using var session = await EmulatorSession.StartAsync();

        await session.Client.Select<Binary>().Sort("server_added_timestamp desc").FirstAsync();

        await session.WaitForRequestAsync(e => e.Path == "/api/v1/binary"); // logged when its response completes

        var request = Assert.Single(session.Requests.Entries, e => e.Path == "/api/v1/binary");
        Assert.Equal("/api/v1/binary?cb.urlver=1&facet=false&q=&rows=1&sort=server_added_timestamp+desc&start=0", request.PathAndQuery);
    }

    private static async Task EnumerateFirstPageAsync(CbResponseClient client, string model)
    {
        switch (model)
        {
            case "Process": await foreach (var _ in client.Select<Process>()) { break; } break;
            case "Binary": await foreach (var _ in client.Select<Binary>()) { break; } break;
            case "Alert": await foreach (var _ in client.Select<Alert>()) { break; } break;
            case "ThreatReport": await foreach (var _ in client.Select<ThreatReport>()) { break; } break;
            case "Sensor": await foreach (var _ in client.Select<Sensor>()) { break; } break;
            default: throw new ArgumentOutOfRangeException(nameof(model), model, "not a search model");
        }
    }

    private static async Task FirstAsync(CbResponseClient client, string model)
    {
        _ = model switch
        {
            "Process" => (object?)await client.Select<Process>().FirstAsync(),
            "Binary" => await client.Select<Binary>().FirstAsync(),
            "Alert" => await client.Select<Alert>().FirstAsync(),
            "ThreatReport" => await client.Select<ThreatReport>().FirstAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, "not a search model"),
        };
    }
}
