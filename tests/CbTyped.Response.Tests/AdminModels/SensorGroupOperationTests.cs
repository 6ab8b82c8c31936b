using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>SensorGroup's installer and data-sharing operations (declared in SensorGroup.model.yaml) against the emulator.</summary>
public sealed class SensorGroupOperationTests
{
    [Theory]
    [InlineData(SensorInstallerKind.WindowsExe, "/api/v1/group/1/installer/windows/exe", "(windows/exe)")]
    [InlineData(SensorInstallerKind.Linux, "/api/v1/group/1/installer/linux", "(linux)")]
    public async Task TheInstallerStreamsFromTheKindsPathWithItsSlashKept(SensorInstallerKind kind, string path, string marker)
    {
        await using var session = await EmulatorSession.StartAsync();
        var group = await session.Client.GetAsync<SensorGroup>("1");

        string text;
        await using (var installer = await group.OpenInstallerAsync(kind))
        using (var reader = new StreamReader(installer))
            text = await reader.ReadToEndAsync();

        Assert.Contains(marker, text, StringComparison.Ordinal);
        Assert.Equal(1, session.Requests.CountOf("GET", path));
    }

    [Fact]
    public async Task AnInstallerOfAGroupTheServerDoesNotHaveIsNotFound()
    {
        await using var session = await EmulatorSession.StartAsync();
        var missing = session.Client.Select<SensorGroup>("99");

        var error = await Assert.ThrowsAsync<CbObjectNotFoundException>(() => missing.OpenInstallerAsync());

        Assert.Equal("/api/v1/group/99/installer/windows/exe", error.Path);
    }

    [Fact]
    public async Task DataSharingIsReadAsTypedSettingsAndAsPairs()
    {
        await using var session = await EmulatorSession.StartAsync();
        var group = await session.Client.GetAsync<SensorGroup>("1");

        var settings = await group.GetDataSharingSettingsAsync();
        var again = group.GetDataSharingSettings(); // the synchronous twin
        var pairs = await group.GetDataSharingAsync();

        var setting = Assert.Single(settings);
        Assert.Equal(("BIN", "VIRUSTOTAL", 1), (setting.What, setting.Who, setting.GroupId));
        Assert.Equal("VIRUSTOTAL", Assert.Single(again).Who);
        Assert.Equal([("BIN", "VIRUSTOTAL")], pairs);
        Assert.Equal(3, session.Requests.CountOf("GET", "/api/v1/group/1/datasharing"));
    }

    [Fact]
    public async Task AGroupWithoutAnIdCannotBuildTheRoute()
    {
        await using var session = await EmulatorSession.StartAsync();
        var unsaved = session.Client.Create<SensorGroup>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => unsaved.GetDataSharingSettingsAsync());

        Assert.Contains("needs a value in id", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Requests.Entries, e => e.PathAndQuery.Contains("datasharing", StringComparison.Ordinal));
    }
}
