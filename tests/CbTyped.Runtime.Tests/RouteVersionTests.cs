using CbTyped.Emulator;
using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;

namespace CbTyped.Runtime.Tests;

/// <summary>
/// A list route with server-version variants is chosen by the server's version (from /api/info), the same rule as
/// get, save and delete — not "the first variant".
/// </summary>
public sealed class RouteVersionTests
{
    private const string Token = "route-version-token-0123456789";

    [Theory]
    [InlineData("5.2.0.161004.1206", "/api/group", "/api/v3/group")]
    [InlineData("6.2.0.171114.1158", "/api/v3/group", "/api/group")]
    public async Task A_client_list_uses_the_variant_for_the_emulators_version(string serverVersion, string expected, string other)
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = Token, ServerVersion = serverVersion });
        var options = new CbResponseClientOptions { AllowInsecureHttp = true };
        using var client = new CbResponseClient(emulator.BaseUrl, Token, options);

        var groups = await client.Select<Grp>().ToListAsync();
        var one = await client.GetAsync<Grp>(groups[0].Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.NotEmpty(groups);
        Assert.Equal(groups[0].Name, one.Name);
        // The emulator logs a request when its response has completed, which can be just after the client read it.
        for (var waited = 0; emulator.RequestLog.CountOf("GET", expected) < 2 && waited < 5000; waited += 10)
            await Task.Delay(10);
        Assert.Equal(2, emulator.RequestLog.CountOf("GET", expected)); // the list and the get
        Assert.Equal(0, emulator.RequestLog.CountOf("GET", other));
    }

    [Theory]
    [InlineData("5.2.0.161004.1206", "/api/v1/process", "/api/v2/process")]
    [InlineData("6.2.0.171114.1158", "/api/v2/process", "/api/v1/process")]
    public async Task A_search_count_and_facets_use_the_variant_for_the_servers_version(string serverVersion, string expected, string other)
    {
        await using var server = await LoopbackServer.StartAsync();
        server.InfoJson = $$"""{"version":"{{serverVersion}}"}""";
        server.Search(expected, 250);
        server.Search(other, 1);
        using var client = TestClients.For(server);

        var rows = await client.Select<VersionedProc>().ToListAsync();
        var count = await client.Select<VersionedProc>().CountAsync();
        var facets = await client.Select<VersionedProc>().FacetsAsync(["process_name"]);

        Assert.Equal(250, rows.Count);
        Assert.Equal(250, count);
        Assert.NotEmpty(facets["process_name"]);
        Assert.Equal(3 + 1 + 1, server.CountRequests("GET", expected)); // three pages (100, 100, 50), the count, the facets
        Assert.Equal(0, server.CountRequests("GET", other));
    }
}
