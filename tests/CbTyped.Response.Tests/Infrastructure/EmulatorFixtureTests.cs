using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>The shared fixture reaches the emulator over HTTP with the client's authentication.</summary>
public sealed class EmulatorFixtureTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ClientReadsServerInfoFromTheEmulator()
    {
        using var client = fixture.CreateClient();
        var info = await client.GetServerInfoAsync();
        Assert.Equal(new Version(6, 2, 0), info.Version);
        Assert.True(fixture.Emulator.RequestLog.CountOf("GET", "/api/info") >= 1);
    }
}
