namespace CbTyped.Examples;

/// <summary>
/// The document's examples in its order: download a binary, ban it, isolate a sensor, query processes and walk
/// their parents, watchlists, joins, administration. Each step is one file under Steps/.
/// </summary>
public sealed class Walkthrough(CbResponseClient cb, WalkthroughOptions options, TextWriter output)
{
    /// <summary>Runs every step.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var context = new StepContext(cb, options, output);
        await DownloadBinaryStep.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await BanBinaryStep.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await IsolateSensorStep.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await QueryProcessesStep.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await WatchlistStep.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await JoinsStep.RunAsync(context, cancellationToken).ConfigureAwait(false);
        await AdministrationStep.RunAsync(context, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>What every step needs: the client, the options and where to print.</summary>
internal sealed record StepContext(CbResponseClient Cb, WalkthroughOptions Options, TextWriter Output)
{
    public SeedValues Seed => Options.Seed;

    /// <summary>The query the document builds once and reuses: <c>process_name:net.exe</c> and <c>cmdline:\\test\blah</c>.</summary>
    public CbQuery<Response.Process> NetExeQuery => Cb.Select<Response.Process>().Where(Seed.ProcessQuery).And(Seed.CmdlineQuery);

    /// <summary>
    /// False (after saying why) when the step would change a real server's state and --allow-changes was not given.
    /// </summary>
    public bool MayChange(string what)
    {
        if (Options.MayChangeState)
            return true;
        Output.WriteLine($"Skipped: {what} changes server state; pass --allow-changes to run it against a real server.");
        return false;
    }
}
