using CbTyped.Emulator;

namespace CbTyped.Runtime.Tests.Paging;

/// <summary>
/// Two emulators for the paging tests: a fast one with a few hundred processes (order and completeness), and one that
/// takes 300 ms per request with only the seed's processes (stopping and cancelling while pages are in flight).
/// </summary>
public sealed class PagingEmulatorFixture : IAsyncLifetime
{
    public CbEmulator Fast { get; private set; } = null!;

    public CbEmulator Slow { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Fast = await CbEmulator.StartAsync(new CbEmulatorOptions { Processes = 300 });
        Slow = await CbEmulator.StartAsync(new CbEmulatorOptions { Latency = TimeSpan.FromMilliseconds(300) });
    }

    public async Task DisposeAsync()
    {
        await Fast.DisposeAsync();
        await Slow.DisposeAsync();
    }
}
