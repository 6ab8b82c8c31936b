using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Users (client-chosen key) and teams against the emulator.</summary>
public sealed class UserTeamTests
{
    private static User NewUser(CbResponseClient cb)
    {
        var user = cb.Create<User>();
        user.Username = "jgarman";
        user.Password = "cbisawesome";
        user.FirstName = "Jason";
        user.LastName = "Garman";
        user.Email = "jgarman@carbonblack.com";
        user.Teams = [];
        user.GlobalAdmin = false;
        return user;
    }

    [Fact]
    public async Task CreatingPostsTheUsernameAndReadsTheUserBack()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);

        var user = NewUser(session.Client);
        await session.Client.SaveAsync(user);

        using var body = JsonDocument.Parse(log.LastBody("POST", "/api/user"));
        Assert.Equal("jgarman", body.RootElement.GetProperty("username").GetString());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("teams").ValueKind);
        Assert.False(body.RootElement.GetProperty("global_admin").GetBoolean());
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/user/jgarman"));

        using var other = EmulatorSession.CreateClient(session.Emulator);
        var read = await other.GetAsync<User>("jgarman");
        Assert.Equal(("Jason", "Garman", "jgarman@carbonblack.com", false), (read.FirstName, read.LastName, read.Email, read.GlobalAdmin ?? true));
        Assert.Contains(await other.Select<User>().ToListAsync(), u => u.Username == "jgarman");
    }

    [Fact]
    public async Task ADuplicateUserIsAConflict()
    {
        await using var session = await EmulatorSession.StartAsync();
        await session.Client.SaveAsync(NewUser(session.Client));
        using var other = EmulatorSession.CreateClient(session.Emulator);
        var error = await Assert.ThrowsAsync<CbClientException>(() => other.SaveAsync(NewUser(other)));
        Assert.Equal(409, error.StatusCode);
    }

    [Fact]
    public async Task ATeamWithGroupAccessIsCreatedAndAUserJoinsItByName()
    {
        await using var session = await EmulatorSession.StartAsync();
        var cb = session.Client;
        var team = cb.Create<Team>();
        team.Name = "Responders";
        team.GroupAccess = [];
        team.AddAdministratorAccess(await cb.GetAsync<SensorGroup>("1"));
        await cb.SaveAsync(team);
        Assert.NotNull(team.Id);

        var user = NewUser(cb);
        await user.AddTeamAsync("Responders");
        await cb.SaveAsync(user);

        using var other = EmulatorSession.CreateClient(session.Emulator);
        var read = await other.GetAsync<User>("jgarman");
        Assert.Equal(["Responders"], read.Teams!.Select(t => t.Name));
        var readTeam = await other.GetAsync<Team>(team.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var access = Assert.Single(readTeam.GroupAccess!);
        Assert.Equal("Administrator", access.AccessCategory);
    }
}
