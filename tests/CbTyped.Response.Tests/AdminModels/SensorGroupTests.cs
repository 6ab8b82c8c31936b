using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

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
    public async Task SavingAGroupStillPutsTheWholeDocumentUnknownFieldsIncluded()
    {
        await using var session = await EmulatorSession.StartAsync();
        // A member no spec declares (a newer server's field), stored on the server first.
        using (await session.Client.SendJsonAsync(HttpMethod.Put, "/api/v3/group/1", """{"x_future_setting":{"mode":"strict","levels":[1,2]}}"""u8.ToArray()))
        {
        }

        var group = await session.Client.GetAsync<SensorGroup>("1");
        var unknown = group.GetUnknownFields();
        Assert.Contains(unknown, u => u.Key == "x_future_setting");
        session.Requests.Clear();
        using var sent = System.Text.Json.JsonDocument.Parse(group.RawJson);

        group.Name = "Renamed Group";
        await session.Client.SaveAsync(group);

        // Only Sensor restricts its PUT body (ICbUpdateBody); every other model sends every member it was given.
        var put = Assert.Single(session.Requests.Entries, e => e.Method == "PUT");
        using var body = System.Text.Json.JsonDocument.Parse(put.Body!);
        foreach (var member in sent.RootElement.EnumerateObject())
        {
            Assert.True(body.RootElement.TryGetProperty(member.Name, out var value), member.Name + " was dropped");
            if (member.Name != "name")
                Assert.Equal(member.Value.GetRawText(), value.GetRawText());
        }

        foreach (var (name, raw) in unknown)
            Assert.Equal(raw, body.RootElement.GetProperty(name).GetRawText());
        Assert.Equal("Renamed Group", body.RootElement.GetProperty("name").GetString());
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
