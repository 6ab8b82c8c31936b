namespace CbTyped.Response;

public partial class ThreatReport
{
    /// <summary>Ignores the report (no more alerts or tags from it): a bulk update of this one report, then a reload.</summary>
    public Task DisableAsync(CancellationToken cancellationToken = default) => SetIgnoredAsync(true, cancellationToken);

    /// <summary>Stops ignoring the report.</summary>
    public Task EnableAsync(CancellationToken cancellationToken = default) => SetIgnoredAsync(false, cancellationToken);
}
