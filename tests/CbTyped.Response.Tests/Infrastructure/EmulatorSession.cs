using CbTyped.Emulator;

namespace CbTyped.Response.Tests.Infrastructure;

/// <summary>
/// An emulator on loopback plus a client pointed at it, both disposed together. Start one per test when the test
/// changes server state or counts requests (<see cref="CbEmulator.RequestLog"/>), so other tests cannot disturb it.
/// </summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    private EmulatorSession(CbEmulator emulator, CbResponseClient client)
    {
        Emulator = emulator;
        Client = client;
    }

    /// <summary>The running emulator (base URL, token, request log, faults).</summary>
    public CbEmulator Emulator { get; }

    /// <summary>A client for <see cref="Emulator"/> (plain HTTP on loopback is allowed explicitly).</summary>
    public CbResponseClient Client { get; }

    /// <summary>Requests the emulator served so far.</summary>
    public RequestLog Requests => Emulator.RequestLog;

    /// <summary>
    /// The first logged request matching <paramref name="match"/>, waiting up to 5 s for it: the emulator logs a
    /// request when its response has completed, which can be just after the client has read that response.
    /// </summary>
    public async Task<RequestLogEntry> WaitForRequestAsync(Func<RequestLogEntry, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        for (var waited = 0; ; waited += 10)
        {
            if (Requests.Entries.FirstOrDefault(match) is { } entry)
                return entry;
            if (waited >= 5000)
                throw new Xunit.Sdk.XunitException("No matching request was logged. Requests:\n" + string.Join('\n', Requests.Entries.Select(e => e.Method + " " + e.PathAndQuery)));
            await Task.Delay(10);
        }
    }

    /// <summary>Starts an emulator with <paramref name="options"/> (default: the seed walkthrough's data) and a client.</summary>
    public static async Task<EmulatorSession> StartAsync(CbEmulatorOptions? options = null, Action<CbResponseClientOptions>? configureClient = null)
    {
        var emulator = await CbEmulator.StartAsync(options ?? new CbEmulatorOptions());
        try
        {
            return new EmulatorSession(emulator, CreateClient(emulator, configureClient));
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new client (with its own identity cache) for an emulator.</summary>
    public static CbResponseClient CreateClient(CbEmulator emulator, Action<CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        var options = new CbResponseClientOptions { AllowInsecureHttp = true };
        options.Retry.MaxRetries = 0;
        configure?.Invoke(options);
        return new CbResponseClient(emulator.BaseUrl, emulator.Token, options);
    }

    /// <summary>Stops the client and the emulator.</summary>
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
