using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Queries;

/// <summary>
/// Facets carry what the server computes per bucket: the count, <c>percent</c> (of the largest bucket) and
/// <c>ratio</c> (of all buckets; cbapi's facet ratio), read from the emulator over HTTP and checked against the counts.
/// </summary>
public sealed class FacetTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ProcessNameFacetsHaveCountsPercentAndRatio()
    {
        var facets = await fixture.Client.Select<Process>().FacetsAsync(["process_name"]);

        var buckets = facets["process_name"];
        Assert.NotEmpty(buckets);
        long max = buckets.Max(b => b.Count);
        long sum = buckets.Sum(b => b.Count);
        Assert.All(buckets, b =>
        {
            Assert.NotNull(b.Percent);
            Assert.NotNull(b.Ratio);
            Assert.Equal(b.Count * 100.0 / max, b.Percent!.Value, 0.5);
            Assert.Equal(b.Count * 100.0 / sum, b.Ratio!.Value, 0.05);
        });
        // Each ratio is rounded to 0.1 by the server.
        Assert.Equal(100.0, buckets.Sum(b => b.Ratio!.Value), (0.05 * buckets.Count) + 0.01);
    }

    [Fact]
    public async Task TheFacetsOfAQueryCountOnlyItsMatches()
    {
        var all = (await fixture.Client.Select<Process>().FacetsAsync(["process_name"]))["process_name"];
        var netOnly = (await fixture.Client.Select<Process>().Where("process_name:net.exe").FacetsAsync(["process_name"]))["process_name"];

        var net = Assert.Single(netOnly);
        Assert.Equal("net.exe", net.Name);
        Assert.Equal(100.0, net.Ratio);
        Assert.Equal(all.Single(b => b.Name == "net.exe").Count, net.Count);
        Assert.Equal(await fixture.Client.Select<Process>().Where("process_name:net.exe").CountAsync(), net.Count);
    }
}
