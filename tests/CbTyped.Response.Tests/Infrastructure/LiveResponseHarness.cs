using System.Text;
using CbTyped.Emulator;

namespace CbTyped.Response.Tests.Infrastructure;

/// <summary>An emulator of its own plus a Live Response session on a sensor, with polls short enough for tests.</summary>
public sealed class LiveResponseHarness : IAsyncDisposable
{
    private LiveResponseHarness(EmulatorSession emulator, LiveResponseSession session)
    {
        Emulator = emulator;
        Session = session;
    }

    /// <summary>cbapi's waits shortened: 10 ms polls, 10 s limits (a limit is never what a test waits for).</summary>
    public static LiveResponseOptions FastOptions() => new()
    {
        SessionPollInterval = TimeSpan.FromMilliseconds(10),
        SessionTimeout = TimeSpan.FromSeconds(10),
        CommandPollInterval = TimeSpan.FromMilliseconds(10),
        CommandTimeout = TimeSpan.FromSeconds(10),
        KillPollInterval = TimeSpan.FromMilliseconds(10),
        MemdumpPollInterval = TimeSpan.FromMilliseconds(10),
    };

    public EmulatorSession Emulator { get; }

    public LiveResponseSession Session { get; }

    public CbResponseClient Client => Emulator.Client;

    /// <summary>Starts an emulator and opens a session on <paramref name="sensorId"/> (4, HOSTNAME, online Windows by default).</summary>
    public static async Task<LiveResponseHarness> StartAsync(int sensorId = 4, CbEmulatorOptions? emulatorOptions = null, LiveResponseOptions? options = null)
    {
        var emulator = await EmulatorSession.StartAsync(emulatorOptions);
        try
        {
            var session = await emulator.Client.OpenLiveResponseSessionAsync(sensorId, options ?? FastOptions());
            return new LiveResponseHarness(emulator, session);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>The body of every logged POST of a command, in order.</summary>
    public IReadOnlyList<string> CommandBodies() =>
        [.. Emulator.Requests.Entries.Where(e => e.Method == "POST" && e.Path.EndsWith("/command", StringComparison.Ordinal)).Select(e => e.Body ?? string.Empty)];

    public static string Ascii(byte[] bytes) => Encoding.ASCII.GetString(bytes);

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
