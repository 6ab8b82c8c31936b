using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ModelsB;

/// <summary>Sensor groups and sites: version-dependent routes, one-element-array answers, create-then-refresh, joins.</summary>
public sealed class SensorGroupTests
{
    [Theory]
    [InlineData("5.2.0.161004.1202", "/api/group/1")]
    [InlineData("6.2.0.171114.1158", "/api/v3/group/1")]
    public async Task GetByIdUsesTheRouteOfTheServersVersionAndUnwrapsTheArray(string version, string path)
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = version });

        var group = await session.Client.GetAsync<SensorGroup>("1");

        Assert.Equal("Default Group", group.Name);
        Assert.Equal(1, group.SiteId);
        Assert.Equal(1, session.Requests.CountOf("GET", path));
    }

    [Fact]
    public async Task CreatingRefreshesAfterTheIdOnlyAnswerAndTheSiteJoinWorks()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "5.2.0.161004.1202" });
        var cb = session.Client;

        var sg = cb.Create<SensorGroup>();
        sg.Name = "Critical Endpoints";
        sg.SiteId = 1;
        sg.SensorbackendServer = "https://cb.example.com:443";
        await cb.SaveAsync(sg);

        Assert.Equal(2, sg.Id);
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/group"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/group/2"));
        Assert.True(sg.CollectProcesses);          // a server default, only known after the refresh
        var site = await sg.GetSiteAsync();
        Assert.Equal("Default Site", site!.Name);
        var listed = await cb.Select<SensorGroup>().Where("name:critical endpoints").SingleAsync();
        Assert.Equal(sg.Id, listed.Id);
    }

    [Fact]
    public async Task MissingRequiredFieldsAreRefusedBeforeAnyRequest()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sg = session.Client.Create<SensorGroup>();
        sg.Name = "No site";
        Assert.Contains("site_id", sg.MissingRequiredFields());
        await Assert.ThrowsAsync<CbInvalidObjectException>(() => session.Client.SaveAsync(sg));
        Assert.Equal(0, session.Requests.CountOf("POST", "/api/v3/group"));
    }

    [Fact]
    public async Task MovingASensorIntoANewGroupShowsInTheGroupsSensors()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var sg = cb.Create<SensorGroup>();
        sg.Name = "Critical Endpoints";
        sg.SiteId = 1;
        sg.SensorbackendServer = "https://cb.example.com:443";
        await cb.SaveAsync(sg);

        var sensor = await cb.Select<Sensor>().Where("hostname:WIN-IA9NQ1GN8OI").FirstAsync();
        sensor.GroupId = sg.Id;
        await cb.SaveAsync(sensor);

        var members = await sg.Sensors.ToListAsync();
        Assert.Equal([3], members.Select(s => s.Id ?? 0));
        Assert.Equal("Critical Endpoints", (await sensor.GetGroupAsync())!.Name);
    }

    [Fact]
    public async Task SitesListAndGetByIdFromTheOneElementArray()
    {
        await using var session = await EmulatorSession.StartAsync();
        var site = await session.Client.GetAsync<Site>("1");
        Assert.Equal("Default Site", site.Name);
        var all = await session.Client.Select<Site>().ToListAsync();
        Assert.Contains(all, s => s.Id == 1);
    }
}
