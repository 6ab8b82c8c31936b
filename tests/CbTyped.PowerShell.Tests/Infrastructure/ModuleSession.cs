using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.PowerShell.Tests.Infrastructure;

/// <summary>
/// An emulator of its own plus a PowerShell runspace that imported the module (from this test's output folder, where
/// the build copied the module's files) and connected to the emulator with <c>Connect-CbResponse</c>.
/// </summary>
public sealed class ModuleSession : IAsyncDisposable
{
    private ModuleSession(EmulatorSession emulator, Runspace runspace)
    {
        Emulator = emulator;
        Runspace = runspace;
    }

    public static string ModuleManifest => Path.Combine(AppContext.BaseDirectory, "CbTyped.PowerShell.psd1");

    public EmulatorSession Emulator { get; }

    public Runspace Runspace { get; }

    public RequestLog Requests => Emulator.Requests;

    /// <summary>Starts an emulator and a runspace; connects unless <paramref name="connect"/> is false.</summary>
    public static async Task<ModuleSession> StartAsync(bool connect = true, CbEmulatorOptions? options = null)
    {
        var emulator = await EmulatorSession.StartAsync(options);
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(ModuleManifest);
        var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        var session = new ModuleSession(emulator, runspace);
        if (connect)
            session.Run("Connect-CbResponse -Url $args[0] -Token (ConvertTo-SecureString $args[1] -AsPlainText -Force) -Name emu", emulator.Emulator.BaseUrl, emulator.Emulator.Token);
        return session;
    }

    /// <summary>Runs a script; a script-terminating error throws, other errors (a cmdlet's terminating one too) are in the result.</summary>
    public RunResult Run(string script, params object?[] args)
    {
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = Runspace;
        ps.AddScript(script);
        foreach (var arg in args)
            ps.AddArgument(arg);
        var output = ps.Invoke();
        return new RunResult(output, [.. ps.Streams.Error], [.. ps.Streams.Warning.Select(w => w.Message)], [.. ps.Streams.Progress]);
    }

    /// <summary>Objects the script wrote, as their base objects.</summary>
    public IReadOnlyList<object> Objects(string script, params object?[] args) =>
        [.. Run(script, args).Output.Select(o => o.BaseObject)];

    /// <summary>
    /// Sends a marker GET and waits until the emulator logged it: every request sent before it is then in the log too
    /// (the log is written when a response completes).
    /// </summary>
    public async Task<IReadOnlyList<RequestLogEntry>> SettledRequestsAsync()
    {
        var marker = "/api/info?marker=" + Guid.NewGuid().ToString("N");
        using (await Emulator.Client.SendAsync(HttpMethod.Get, marker)) { }
        await Emulator.WaitForRequestAsync(e => e.PathAndQuery == marker);
        return [.. Requests.Entries.Where(e => !e.PathAndQuery.StartsWith("/api/info?marker=", StringComparison.Ordinal))];
    }

    public async ValueTask DisposeAsync()
    {
        Runspace.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>What a script wrote: output, non-terminating errors, warnings and progress records.</summary>
public sealed record RunResult(Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<ProgressRecord> Progress);
