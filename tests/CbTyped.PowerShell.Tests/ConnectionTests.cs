using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.PowerShell.Tests;

/// <summary>Connect-CbResponse from a token, a PSCredential or a cbapi profile; named connections and the default one.</summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task TokenAndCredentialConnectionsAreKeptByNameAndTheLatestIsTheDefault()
    {
        await using var session = await ModuleSession.StartAsync(connect: false);
        var emulator = session.Emulator.Emulator;
        var first = (CbConnection)session.Objects(
            "Connect-CbResponse -Url $args[0] -Token (ConvertTo-SecureString $args[1] -AsPlainText -Force) -Name one", emulator.BaseUrl, emulator.Token).Single();
        Assert.Equal("one", first.Name);
        Assert.Equal(new Version(6, 2, 0), new Version(first.ServerVersion.Major, first.ServerVersion.Minor, first.ServerVersion.Build));
        Assert.True(first.IsDefault);

        session.Run("$c = [pscredential]::new('ignored', (ConvertTo-SecureString $args[1] -AsPlainText -Force)); Connect-CbResponse $args[0] -Credential $c -Name two -KeepDefault",
            emulator.BaseUrl, emulator.Token);
        var names = session.Objects("Get-CbConnection | ForEach-Object { '{0}:{1}' -f $_.Name, $_.IsDefault }");
        Assert.Equal(["one:True", "two:False"], names);

        // -Connection by name reaches the same server; Disconnect makes the other one the default.
        Assert.Equal(session.Objects("Get-CbSensor -Connection one").Count, session.Objects("Get-CbSensor -Connection two").Count);
        Assert.NotEmpty(session.Objects("Get-CbSensor -Connection two"));
        session.Run("Disconnect-CbResponse one");
        Assert.Equal("two", session.Objects("(Get-CbConnection -Default).Name").Single());
    }

    [Fact]
    public async Task AProfileFromACbapiCredentialsFileConnects()
    {
        await using var session = await ModuleSession.StartAsync(connect: false);
        var file = Path.Combine(Directory.CreateTempSubdirectory("cbtyped-pwsh").FullName, "credentials.response");
        await File.WriteAllTextAsync(file, $"[lab]\nurl={session.Emulator.Emulator.BaseUrl}\ntoken={session.Emulator.Emulator.Token}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var connection = (CbConnection)session.Objects("Connect-CbResponse -Profile lab -CredentialFile $args[0]", file).Single();

        Assert.Equal("lab", connection.Name);
        Assert.Contains(file, connection.Source, StringComparison.Ordinal);
        Assert.Equal("HOSTNAME", session.Objects("(Get-CbSensor -SensorId 4).ComputerName").Single());
    }

    [Fact]
    public async Task AWrongTokenIsAnAuthenticationErrorThatNeverShowsTheToken()
    {
        await using var session = await ModuleSession.StartAsync(connect: false);
        const string wrong = "0123456789abcdef0123456789abcdef01234567";

        var result = session.Run("Connect-CbResponse -Url $args[0] -Token (ConvertTo-SecureString $args[1] -AsPlainText -Force)", session.Emulator.Emulator.BaseUrl, wrong);

        var record = Assert.Single(result.Errors);
        Assert.Equal("CbTyped.Unauthorized,CbTyped.PowerShell.ConnectCbResponseCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, record.CategoryInfo.Category);
        Assert.Equal(session.Emulator.Emulator.BaseUrl, record.TargetObject);
        Assert.DoesNotContain(wrong, record.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, record.ErrorDetails?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, record.Exception.ToString(), StringComparison.Ordinal);
        Assert.Empty(session.Objects("Get-CbConnection"));
    }

    [Fact]
    public async Task WithoutAConnectionACmdletSaysToConnectFirst()
    {
        await using var session = await ModuleSession.StartAsync(connect: false);

        var record = Assert.Single(session.Run("Get-CbSensor").Errors);

        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.Contains("Connect-CbResponse", record.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectionsBelongToTheirRunspace()
    {
        await using var session = await ModuleSession.StartAsync();
        await using var other = await ModuleSession.StartAsync(connect: false);

        Assert.Single(session.Objects("Get-CbConnection"));
        Assert.Empty(other.Objects("Get-CbConnection"));
    }
}
