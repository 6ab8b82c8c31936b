using CbTyped.Emulator;

namespace CbTyped.Response.Tests.Infrastructure;

/// <summary>
/// One seed-data emulator shared by the tests of a class (<c>IClassFixture&lt;EmulatorFixture&gt;</c>): for tests that
/// only read. Tests that change state or count requests start their own <see cref="EmulatorSession"/>.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorSession? _session;

    /// <summary>The shared emulator.</summary>
    public CbEmulator Emulator => Session.Emulator;

    /// <summary>A client shared by the class's tests (its identity cache is shared too).</summary>
    public CbResponseClient Client => Session.Client;

    private EmulatorSession Session => _session ?? throw new InvalidOperationException("The emulator has not started.");

    /// <summary>A fresh client (empty identity cache) for the shared emulator.</summary>
    public CbResponseClient CreateClient(Action<CbResponseClientOptions>? configure = null) =>
        EmulatorSession.CreateClient(Emulator, configure);

    /// <inheritdoc />
    public async Task InitializeAsync() => _session = await EmulatorSession.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }
    }
}
