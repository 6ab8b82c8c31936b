using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary>
/// What every CbTyped cmdlet shares: <c>-Connection</c>, Ctrl-C as a <see cref="CancellationToken"/>, running the
/// SDK's asynchronous calls on the pipeline thread (so objects, progress and errors are written where PowerShell
/// wants them) and turning SDK exceptions into <see cref="ErrorRecord"/>s.
/// </summary>
public abstract class CbCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private static int _nextActivityId;

    /// <summary>The connection to use (a name from <c>Connect-CbResponse -Name</c>, or the object); default: the default connection.</summary>
    [Parameter]
    [CbConnectionTransformation]
    [ArgumentCompleter(typeof(CbConnectionNameCompleter))]
    public CbConnection? Connection { get; set; }

    /// <summary>Cancelled when the user presses Ctrl-C or the pipeline stops.</summary>
    protected CancellationToken CancellationToken => _stopping.Token;

    /// <summary>The connection's client; a terminating error when there is none.</summary>
    protected CbResponseClient Client => ResolveConnection().Client;

    /// <summary>The client for <paramref name="model"/>: the one that loaded it when it came down the pipeline.</summary>
    protected CbResponseClient ClientFor(CbTyped.Modeling.CbModel? model) =>
        Connection is null && model?.Client is CbResponseClient own ? own : Client;

    /// <summary><c>-Connection</c>, else the default connection; a terminating error when neither exists.</summary>
    protected CbConnection ResolveConnection()
    {
        if (Connection is { } explicitConnection)
            return explicitConnection;
        if (CbConnectionRegistry.Current.Default is { } connection)
            return connection;
        ThrowTerminatingError(new ErrorRecord(
            new InvalidOperationException("Not connected to a Cb Response server: run Connect-CbResponse first."),
            "NotConnected", ErrorCategory.ConnectionError, null));
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Runs <paramref name="work"/> and waits for it on the pipeline thread, writing <paramref name="progress"/>'s
    /// record (if any) every 250 ms meanwhile. Ctrl-C cancels it and stops the pipeline.
    /// </summary>
    protected internal T Await<T>(Func<CancellationToken, Task<T>> work, Func<ProgressRecord>? progress = null)
    {
        var task = work(CancellationToken);
        ProgressRecord? last = null;
        try
        {
            while (!task.Wait(TimeSpan.FromMilliseconds(250), CancellationToken.None))
            {
                if (progress is not null)
                {
                    last = progress();
                    WriteProgress(last);
                }
            }
        }
        catch (AggregateException)
        {
            // Observed below, unwrapped.
        }
        finally
        {
            if (last is not null)
            {
                last.RecordType = ProgressRecordType.Completed;
                WriteProgress(last);
            }
        }
        if (task.IsCanceled && CancellationToken.IsCancellationRequested)
            throw new PipelineStoppedException();
        try
        {
            return task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary><see cref="Await{T}"/> for work that returns nothing.</summary>
    protected internal void Await(Func<CancellationToken, Task> work, Func<ProgressRecord>? progress = null) =>
        Await(async ct => { await work(ct).ConfigureAwait(false); return true; }, progress);

    /// <summary>
    /// The items of <paramref name="items"/>, each as it arrives (a query's rows as its pages come in), read on the
    /// pipeline thread so the caller can write each one at once.
    /// </summary>
    protected internal IEnumerable<T> Enumerate<T>(IAsyncEnumerable<T> items)
    {
        var enumerator = items.GetAsyncEnumerator(CancellationToken);
        try
        {
            while (Await(_ => enumerator.MoveNextAsync().AsTask()))
                yield return enumerator.Current;
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().Wait(CancellationToken.None);
        }
    }

    /// <summary>A new id for a Write-Progress activity of this cmdlet.</summary>
    protected internal static int NewActivityId() => Interlocked.Increment(ref _nextActivityId);

    /// <summary>
    /// Runs <paramref name="action"/> for one input; an SDK error becomes a non-terminating error about
    /// <paramref name="target"/>, so the rest of the pipeline's input is still processed.
    /// </summary>
    protected void ForEachInput(object? target, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (CbErrorRecords.IsReportable(ex))
        {
            WriteError(CbErrorRecords.From(ex, target));
        }
    }

    /// <summary>
    /// Whether <paramref name="name"/> is what a <c>-Name</c> filter asks for: the exact name (case-insensitive), or a
    /// wildcard pattern (for the generated cmdlets' name filters, which compile in other assemblies too).
    /// </summary>
    protected static bool MatchesName(string? name, string pattern) => NameMatches.Any(name, pattern);

    /// <summary>The plain text of a <c>SecureString</c> parameter, for the one request that sends it.</summary>
    protected static string? PlainText(System.Security.SecureString? value) =>
        value is null ? null : new System.Net.NetworkCredential(string.Empty, value).Password;

    /// <inheritdoc />
    protected override void StopProcessing() => _stopping.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
