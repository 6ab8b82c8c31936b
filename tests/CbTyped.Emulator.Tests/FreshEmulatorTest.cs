namespace CbTyped.Emulator.Tests;

/// <summary>
/// A test class whose every test gets its own emulator with the seed data (xunit makes one instance per test), for
/// tests that change state. Tests that only read share <see cref="SeedEmulatorFixture"/> instead.
/// </summary>
public abstract class FreshEmulatorTest : IAsyncLifetime
{
    protected CbEmulator Emulator { get; private set; } = null!;

    protected EmulatorClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await CbEmulator.StartAsync();
        Client = new EmulatorClient(Emulator);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
