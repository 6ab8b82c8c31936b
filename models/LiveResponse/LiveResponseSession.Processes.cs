using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CbTyped.Response;

public sealed partial class LiveResponseSession
{
    /// <summary>How long <see cref="CreateProcessAsync"/> waits for the process by default (cbapi's <c>wait_timeout</c>: 30 s).</summary>
    public static readonly TimeSpan DefaultCreateProcessTimeout = TimeSpan.FromSeconds(30);

    private const string TempNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>The processes running on the endpoint (<c>process list</c>).</summary>
    public async Task<IReadOnlyList<LiveResponseProcess>> ListProcessesAsync(CancellationToken cancellationToken = default)
    {
        var result = await RunAsync("process list", null, null, null, cancellationToken).ConfigureAwait(false);
        return LiveResponseProcess.FromCommand(result.Processes);
    }

    /// <summary>
    /// Kills a process (<c>kill</c>). True once the sensor confirms; false when it has not confirmed within
    /// <see cref="LiveResponseOptions.KillTimeout"/> (cbapi: 10 s, polled every 0.1 s).
    /// </summary>
    /// <exception cref="LiveResponseException">The sensor refused, e.g. no such process (0x80070057).</exception>
    public async Task<bool> KillProcessAsync(int pid, CancellationToken cancellationToken = default)
    {
        var (sessionId, commandId) = await PostCommandAsync("kill", LiveResponseCommandArguments.Of(pid), cancellationToken).ConfigureAwait(false);
        try
        {
            _ = await PollCommandAsync(sessionId, commandId, "kill", Options.KillTimeout, Options.KillPollInterval, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (CbTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts a process (cbapi's <c>create_process</c>). With <paramref name="waitForOutput"/> (the default) the
    /// process writes its output to <paramref name="remoteOutputFileName"/>, or to a new
    /// <c>cblr.&lt;12 random&gt;.tmp</c> in <c>c:\windows\temp</c> (<c>/tmp</c> elsewhere); once it has ended that
    /// file is fetched, deleted, and returned as <see cref="LiveResponseProcessResult.Output"/> (UTF-8).
    /// </summary>
    /// <param name="commandLine">The command line to run.</param>
    /// <param name="waitForOutput">Capture and return the output (implies <paramref name="waitForCompletion"/>).</param>
    /// <param name="remoteOutputFileName">Where the output goes on the endpoint; a temp file when null.</param>
    /// <param name="workingDirectory">The process's working directory; the sensor's default when null.</param>
    /// <param name="waitTimeout">How long to wait for the process; <see cref="DefaultCreateProcessTimeout"/> when null.</param>
    /// <param name="waitForCompletion">Wait for the process to end; when false (and no output is asked for) this returns at once.</param>
    /// <param name="cancellationToken">Cancels the waits.</param>
    public async Task<LiveResponseProcessResult> CreateProcessAsync(string commandLine, bool waitForOutput = true, string? remoteOutputFileName = null,
        string? workingDirectory = null, TimeSpan? waitTimeout = null, bool waitForCompletion = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(commandLine);
        waitForCompletion |= waitForOutput;
        string? outputFile = remoteOutputFileName ?? (waitForOutput ? RandomTempFileName() : null);
        var members = new List<(string, JsonNode?)> { ("wait", waitForCompletion) };
        if (outputFile is not null)
            members.Add(("output_file", outputFile));
        if (!string.IsNullOrEmpty(workingDirectory))
            members.Add(("working_directory", workingDirectory));
        var (sessionId, commandId) = await PostCommandAsync("create process", LiveResponseCommandArguments.Of(commandLine, [.. members]), cancellationToken).ConfigureAwait(false);
        if (!waitForCompletion)
            return new LiveResponseProcessResult(null, null, null);

        var result = await PollCommandAsync(sessionId, commandId, "create process", waitTimeout ?? DefaultCreateProcessTimeout, Options.CommandPollInterval, cancellationToken).ConfigureAwait(false);
        // Exit codes are often NTSTATUS values sent unsigned: they wrap to the int they are.
        int? pid = result.Pid is long p ? unchecked((int)p) : null;
        int? returnCode = result.ReturnCode is long code ? unchecked((int)code) : null;

        if (!waitForOutput || outputFile is null)
            return new LiveResponseProcessResult(pid, returnCode, null);
        byte[] output = await GetFileAsync(outputFile, cancellationToken).ConfigureAwait(false);
        await DeleteFileAsync(outputFile, cancellationToken).ConfigureAwait(false);
        return new LiveResponseProcessResult(pid, returnCode, Encoding.UTF8.GetString(output));
    }

    /// <summary>
    /// Dumps the endpoint's memory (cbapi's <c>memdump</c>): <see cref="StartMemdumpAsync"/>, then
    /// <see cref="LiveResponseMemdump.GetAsync"/> streams the dump to <paramref name="destination"/> once written,
    /// and <see cref="LiveResponseMemdump.DeleteAsync"/> removes it from the endpoint. Returns the bytes written.
    /// </summary>
    /// <remarks>cbapi deleted the name without <c>.zip</c> after a compressed dump, leaving the dump behind; this deletes the file it fetched.</remarks>
    public async Task<long> MemdumpAsync(Stream destination, string? remoteFileName = null, bool compress = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var dump = await StartMemdumpAsync(remoteFileName, compress, cancellationToken).ConfigureAwait(false);
        long size = await dump.GetAsync(destination, cancellationToken).ConfigureAwait(false);
        await dump.DeleteAsync(cancellationToken).ConfigureAwait(false);
        return size;
    }

    /// <summary>
    /// Starts a memory dump and returns without waiting (cbapi's <c>start_memdump</c>): <c>memdump</c> writes it to
    /// <paramref name="remoteFileName"/> (a temp file when null), <c>+ ".zip"</c> when <paramref name="compress"/>.
    /// Wait for it, fetch and delete it through the returned <see cref="LiveResponseMemdump"/>; other commands may run meanwhile.
    /// </summary>
    public async Task<LiveResponseMemdump> StartMemdumpAsync(string? remoteFileName = null, bool compress = true, CancellationToken cancellationToken = default)
    {
        string dump = remoteFileName ?? RandomTempFileName();
        var (sessionId, commandId) = await PostCommandAsync("memdump", LiveResponseCommandArguments.Of(dump, ("compress", compress)), cancellationToken).ConfigureAwait(false);
        return new LiveResponseMemdump(this, sessionId, commandId, compress ? dump + ".zip" : dump);
    }

    /// <summary>Polls a started dump's command until it is complete (with the memdump interval and timeout).</summary>
    internal async Task WaitForMemdumpAsync(LiveResponseMemdump dump, CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        _ = await PollCommandAsync(dump.SessionId, dump.CommandId, "memdump", Options.MemdumpTimeout, Options.MemdumpPollInterval, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>cbapi's <c>_random_file_name</c>: <c>c:\windows\temp\cblr.&lt;12 letters or digits&gt;.tmp</c> (<c>/tmp/…</c> off Windows).</summary>
    internal string RandomTempFileName() =>
        PathJoin(IsWindows ? @"c:\windows\temp" : "/tmp", "cblr." + new string(RandomNumberGenerator.GetItems<char>(TempNameCharacters, 12)) + ".tmp");
}
