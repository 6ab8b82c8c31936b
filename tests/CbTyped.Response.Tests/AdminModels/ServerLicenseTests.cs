using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>The server's license: read, the request block (cbapi's license_request) and an update (update_license).</summary>
public sealed class ServerLicenseTests
{
    [Fact]
    public async Task TheLicenseIsReadAsOneObject()
    {
        await using var session = await EmulatorSession.StartAsync();

        var license = await session.Client.Select<ServerLicense>().SingleAsync();

        Assert.True(license.LicenseValid);
        Assert.False(license.LicenseExpired);
        Assert.Equal("2027-12-31", license.LicenseEndDate);
        Assert.Equal(await session.Client.Select<Sensor>().CountAsync(), license.ActualSensorCount);
        await session.WaitForRequestAsync(e => e.Method == "GET" && e.Path == "/api/v1/license");
    }

    [Fact]
    public async Task TheRequestBlockComesFromApiLicense()
    {
        await using var session = await EmulatorSession.StartAsync();

        var block = await ServerLicense.GetRequestBlockAsync(session.Client);

        Assert.StartsWith("-----BEGIN CB LICENSE REQUEST-----", block, StringComparison.Ordinal);
        await session.WaitForRequestAsync(e => e.Method == "GET" && e.Path == "/api/license");
    }

    [Fact]
    public async Task AnUpdatePostsTheBlockAndSucceedsOnSuccess()
    {
        await using var session = await EmulatorSession.StartAsync();
        const string block = "-----BEGIN CB LICENSE-----\nbGljZW5zZQ==\n-----END CB LICENSE-----";

        await ServerLicense.UpdateAsync(session.Client, block);

        var post = await session.WaitForRequestAsync(e => e.Method == "POST" && e.Path == "/api/license");
        using var body = JsonDocument.Parse(post.Body!);
        Assert.Equal(block, body.RootElement.GetProperty("license").GetString());
    }

    [Fact]
    public async Task AnAnswerOtherThanSuccessIsAnError()
    {
        await using var session = await EmulatorSession.StartAsync();

        var e = await Assert.ThrowsAsync<CbServerException>(() => ServerLicense.UpdateAsync(session.Client, "not a license"));

        Assert.Contains("status 'failure'", e.Message, StringComparison.Ordinal);
    }
}
