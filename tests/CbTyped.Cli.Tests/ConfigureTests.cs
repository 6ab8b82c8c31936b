namespace CbTyped.Cli.Tests;

public sealed class ConfigureTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cbtyped-cli-").FullName;

    private string CredentialsPath => Path.Combine(_directory, "nested", "credentials.response");

    [Fact]
    public async Task Configure_writes_a_profile_cbapi_and_CbTyped_read_back()
    {
        var run = await CliRun.RunAsync("configure", "--profile", "lab", "--url", "https://cb.example.com/", "--token", "ABCDEF0123", "--no-verify", "--file", CredentialsPath, "--offline");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal("[lab]\nurl = https://cb.example.com\ntoken = ABCDEF0123\nssl_verify = False\n", File.ReadAllText(CredentialsPath));
        var credentials = CbCredentialStore.LoadProfile("lab", [CredentialsPath]);
        Assert.Equal(new Uri("https://cb.example.com"), credentials.Url);
        Assert.Equal("ABCDEF0123", credentials.Token);
        Assert.False(credentials.SslVerify);
        Assert.DoesNotContain("ABCDEF0123", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_credentials_file_and_its_new_directory_are_private_to_the_owner()
    {
        var run = await CliRun.RunAsync("configure", "--url", "https://cb.example.com", "--token", "T0K3N", "--file", CredentialsPath, "--offline");

        Assert.Equal(0, run.ExitCode);
        if (OperatingSystem.IsWindows())
            return; // POSIX permissions only
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(CredentialsPath)!));
    }

    [Fact]
    public async Task An_existing_file_keeps_its_other_profiles_keys_and_comments_and_becomes_0600()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(CredentialsPath)!);
        File.WriteAllText(CredentialsPath, "# my servers\n[default]\nurl = https://old.example.com\ntoken = OLD\nproxy = http://proxy:3128\n\n[other]\nurl = https://other.example.com\ntoken = OTHER\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(CredentialsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await CliRun.RunAsync("configure", "--url", "https://new.example.com", "--token", "NEW", "--file", CredentialsPath, "--offline");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "# my servers\n[default]\nurl = https://new.example.com\ntoken = NEW\nproxy = http://proxy:3128\nssl_verify = True\n\n[other]\nurl = https://other.example.com\ntoken = OTHER\n",
            File.ReadAllText(CredentialsPath));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CredentialsPath));
        Assert.Equal("OTHER", CbCredentialStore.LoadProfile("other", [CredentialsPath]).Token);
    }

    [Fact]
    public async Task The_token_can_come_from_standard_input_only_via_the_flag_and_a_plain_http_remote_url_is_refused()
    {
        var http = await CliRun.RunAsync("configure", "--url", "http://cb.example.com", "--token", "T", "--file", CredentialsPath, "--offline");
        Assert.Equal(2, http.ExitCode);
        Assert.Contains("https", http.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(CredentialsPath));

        var both = await CliRun.RunAsync("configure", "--url", "https://cb.example.com", "--token", "T", "--token-stdin", "--file", CredentialsPath, "--offline");
        Assert.Equal(2, both.ExitCode);
        Assert.Single(both.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Json_output_names_the_profile_and_file_but_never_the_token()
    {
        var run = await CliRun.RunAsync("configure", "--json", "--url", "https://cb.example.com", "--token", "SECRET123", "--file", CredentialsPath, "--offline");

        Assert.Equal(0, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal("default", json.RootElement.GetProperty("profile").GetString());
        Assert.Equal(Path.GetFullPath(CredentialsPath), json.RootElement.GetProperty("file").GetString());
        Assert.True(json.RootElement.GetProperty("ssl_verify").GetBoolean());
        Assert.DoesNotContain("SECRET123", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
