using System.Diagnostics;
using CbTyped.Cli.Infrastructure;
using CbTyped.Emulator;

namespace CbTyped.Cli.Tests;

/// <summary>
/// cbtyped keeps OpenSSL from reading the system trust store only when no connection can use it (a CA file, or
/// verification off), and never weakens the default. Run as its own process, as a user runs it: the change is
/// process-wide, so the in-process tests never make it.
/// </summary>
public sealed class SystemTrustStoreTests : IAsyncLifetime, IDisposable
{
    private const string Token = "trust-store-token-0123456789";
    private const string NotRead = "cbtyped: debug: TLS: the system trust store is not read";
    private readonly string _directory = Directory.CreateTempSubdirectory("cbtyped-trust-").FullName;
    private CbEmulator? _emulator;

    private CbEmulator Emulator => _emulator ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = Token, UseTls = true });

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
            await _emulator.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Only_a_connection_that_cannot_use_the_system_store_skips_it()
    {
        Assert.Null(SystemTrustStore.Reason(verifyServerCertificate: true, caCertificateFile: null));
        Assert.Equal("certificate verification is off", SystemTrustStore.Reason(verifyServerCertificate: false, caCertificateFile: null));
        Assert.Equal("the CA file /etc/lab-ca.pem is the only trust", SystemTrustStore.Reason(verifyServerCertificate: true, caCertificateFile: "/etc/lab-ca.pem"));
    }

    [Fact]
    public async Task A_CA_file_profile_verifies_against_that_file_without_reading_the_system_store()
    {
        var ca = Path.Combine(_directory, "emulator.pem");
        await File.WriteAllTextAsync(ca, Emulator.CertificatePem);
        var run = await RunAsync($"ssl_cert_file = {ca}\n", []);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Version          6.2.0.171114.1158", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{NotRead} (the CA file {ca} is the only trust)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_verify_skips_the_system_store()
    {
        var run = await RunAsync("", ["--no-verify"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"{NotRead} (certificate verification is off)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_verification_still_reads_the_system_store_and_refuses_a_certificate_it_does_not_trust()
    {
        var run = await RunAsync("", []);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("certificate", run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(NotRead, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Error, StringComparison.Ordinal);
    }

    /// <summary><c>cbtyped --verbose server info</c> with a profile of the emulator's URL and token plus <paramref name="profileKeys"/>.</summary>
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string profileKeys, string[] flags)
    {
        var credentials = Path.Combine(_directory, "credentials.response");
        await File.WriteAllTextAsync(credentials, $"[default]\nurl = {Emulator.BaseUrl}\ntoken = {Token}\n{profileKeys}");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(credentials, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        // The CLI as the test project built it, with the test project's dependency list (which holds the CLI's).
        var directory = AppContext.BaseDirectory;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["exec", "--depsfile", Path.Combine(directory, "CbTyped.Cli.Tests.deps.json"),
                     "--runtimeconfig", Path.Combine(directory, "CbTyped.Cli.Tests.runtimeconfig.json"), Path.Combine(directory, "cbtyped.dll"),
                     "--credentials-file", credentials, "--verbose", .. flags, "server", "info"])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
