using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Bans: create (with the md5 in the body), the duplicate-ban error, disable and enable.</summary>
public sealed class BannedHashTests
{
    private const string Md5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";

    private static async Task<BannedHash> BanAsync(CbResponseClient client, string text = "Banned from API")
    {
        var bh = client.Create<BannedHash>();
        bh.Md5hash = Md5;
        bh.Text = text;
        await client.SaveAsync(bh);
        return bh;
    }

    [Fact]
    public async Task CreatingPostsTheMd5ThenReadsTheBanBack()
    {
        var log = new LogCapture();
        await using var session = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);

        var bh = await BanAsync(session.Client);

        // cbapi's generic save dropped md5hash (the key) from the POST; CbTyped sends it.
        using var body = JsonDocument.Parse(log.LastBody("POST", "/api/v1/banning/blacklist"));
        Assert.Equal(Md5, body.RootElement.GetProperty("md5hash").GetString());
        Assert.Equal("Banned from API", body.RootElement.GetProperty("text").GetString());
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/banning/blacklist/" + Md5));
        Assert.True(bh.Enabled);
        Assert.Equal("Banned from API", bh.Text);
    }

    [Fact]
    public async Task BanningAgainIsAClientErrorWithTheServersMessage()
    {
        await using var session = await EmulatorSession.StartAsync();
        await BanAsync(session.Client);
        using var other = EmulatorSession.CreateClient(session.Emulator);

        var error = await Assert.ThrowsAsync<CbClientException>(() => BanAsync(other));

        Assert.Equal(409, error.StatusCode);
        Assert.Contains("already", error.ServerMessage ?? error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(session.Emulator.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableKeepsTheRecordAndEnableBansAgain()
    {
        await using var session = await EmulatorSession.StartAsync();
        var bh = await BanAsync(session.Client);

        await bh.DisableAsync();
        Assert.False(bh.Enabled);
        var listed = await session.Client.Select<BannedHash>().Where("md5hash:" + Md5).SingleAsync();
        Assert.False(listed.Enabled);

        await bh.EnableAsync();
        Assert.True(bh.Enabled);
        await Assert.ThrowsAsync<CbClientException>(() => bh.EnableAsync());
    }
}
