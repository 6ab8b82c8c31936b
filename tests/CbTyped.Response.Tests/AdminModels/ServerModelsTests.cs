using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Server info (storage partitions: StoragePartitionTests).</summary>
public sealed class ServerModelsTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ServerInfoIsTypedAndReusesTheStartUpDocument()
    {
        using var cb = fixture.CreateClient();
        var info = await ServerInfo.GetAsync(cb);
        Assert.Equal("6.2.0.171114.1158", info.Version);
        Assert.Equal(new Version(6, 2, 0, 171114), info.ParsedVersion);
        Assert.True(info.CblrEnabled);
        await ServerInfo.GetAsync(cb);
        Assert.True(fixture.Emulator.RequestLog.CountOf("GET", "/api/info") >= 1);
    }
}
