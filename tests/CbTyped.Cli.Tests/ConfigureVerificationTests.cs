namespace CbTyped.Cli.Tests;

/// <summary><c>configure</c> checks the URL and token with one request before it writes anything.</summary>
public sealed class ConfigureVerificationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cbtyped-configure-").FullName;

    private string CredentialsPath => Path.Combine(_directory, "credentials.response");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_token_the_server_accepts_is_written_saying_which_server_checked_it()
    {
        var run = await CliRun.RunAsync("configure", "--url", emulator.Url, "--token", EmulatorFixture.Token, "--file", CredentialsPath);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"Wrote profile 'default' to {CredentialsPath} (mode 0600); the server (version 6.2.0.171114.1158) accepted the token.\n", run.Output.ReplaceLineEndings("\n"));
        Assert.Contains("token = " + EmulatorFixture.Token + "\n", File.ReadAllText(CredentialsPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_the_server_refuses_is_exit_4_and_writes_nothing()
    {
        var run = await CliRun.RunAsync("configure", "--url", emulator.Url, "--token", "wrong-token", "--file", CredentialsPath);

        Assert.Equal(4, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cbtyped: ", line, StringComparison.Ordinal);
        Assert.EndsWith("; the profile was not written (--offline writes it without checking).", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(CredentialsPath));
    }

    [Fact]
    public async Task An_unreachable_server_is_exit_8_unless_offline()
    {
        // A loopback port nothing listens on: the connection is refused at once.
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var url = $"http://127.0.0.1:{port}";

        var refused = await CliRun.RunAsync("configure", "--url", url, "--token", "T", "--file", CredentialsPath, "--timeout", "5");
        Assert.Equal(8, refused.ExitCode);
        Assert.False(File.Exists(CredentialsPath));

        var offline = await CliRun.RunAsync("configure", "--url", url, "--token", "T", "--file", CredentialsPath, "--offline");
        Assert.Equal(0, offline.ExitCode);
        Assert.EndsWith("; not checked (--offline).\n", offline.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(File.Exists(CredentialsPath));
    }
}
