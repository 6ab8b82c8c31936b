using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.ModelsB;

/// <summary>Server info, sensor builds and storage partitions.</summary>
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

    [Fact]
    public async Task StoragePartitionsComeFromTheNameKeyedObject()
    {
        using var cb = fixture.CreateClient();
        var partitions = await StoragePartition.ListAsync(cb);
        Assert.NotEmpty(partitions);
        Assert.All(partitions, p => Assert.False(string.IsNullOrEmpty(p.Name)));
        Assert.Contains(partitions, p => p.Status == StoragePartitionStatus.Hot || p.Name == "writer");
    }

    [Fact]
    public async Task StoragePartitionsOnA5xServerAreEmpty()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "5.2.0.161004.1202" });
        Assert.Empty(await StoragePartition.ListAsync(session.Client));
    }
}
