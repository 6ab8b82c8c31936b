using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>Binary's frequency and icon, now operations of Binary.model.yaml, against the emulator.</summary>
public sealed class BinaryOperationTests
{
    private const string Md5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";

    [Fact]
    public async Task FrequencyIsReadOnceFromTheHostCountAnswerAndGivesTheRatio()
    {
        await using var session = await EmulatorSession.StartAsync();
        var binary = await session.Client.GetAsync<Binary>(Md5);

        var frequency = await binary.GetFrequencyAsync();
        var again = await binary.GetFrequencyAsync();

        Assert.Same(frequency, again); // kept on the instance
        Assert.True(frequency.ComputerCount >= 1);
        Assert.True(frequency.ProcessCount >= frequency.ComputerCount);
        Assert.True(frequency.AllProcessCount >= frequency.ProcessCount);
        Assert.Equal((double)frequency.ProcessCount / frequency.AllProcessCount, frequency.ModuleFrequency);
        var request = Assert.Single(session.Requests.Entries, e => e.Path == "/api/v1/process/host/count");
        Assert.Equal("/api/v1/process/host/count?cb.freqver=1&md5=" + Md5 + "&name=md5", request.PathAndQuery);
    }

    [Fact]
    public async Task TheIconComesFromTheIconRouteWhenTheDocumentHasNone()
    {
        await using var session = await EmulatorSession.StartAsync();
        var binary = await session.Client.GetAsync<Binary>(Md5);
        Assert.True(string.IsNullOrEmpty(binary.IconBase64));

        var icon = await binary.GetIconAsync();

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], icon.Take(4));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/binary/" + Md5 + "/icon"));
    }
}
