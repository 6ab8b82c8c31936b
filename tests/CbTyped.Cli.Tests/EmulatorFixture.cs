using CbTyped.Emulator;

namespace CbTyped.Cli.Tests;

/// <summary>One emulator (the seed scenario) shared by the tests of a class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Token = "cli-test-token-0123456789";

    private CbEmulator? _emulator;

    public CbEmulator Emulator => _emulator ?? throw new InvalidOperationException("not started");

    public string Url => Emulator.BaseUrl.ToString().TrimEnd('/');

    /// <summary>The connection arguments every command takes.</summary>
    public string[] Connection => ["--url", Url, "--token", Token];

    // A Live Response session is active at once and a command completes on its first poll, so the lr commands wait
    // for nothing (the SDK's tests cover the polling itself).
    public async Task InitializeAsync() => _emulator = await CbEmulator.StartAsync(new CbEmulatorOptions
    {
        Token = Token,
        LiveResponsePollsUntilActive = 0,
        LiveResponseCommandPolls = 1,
    });

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
            await _emulator.DisposeAsync();
    }
}
