using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Alert
{
    /// <summary>
    /// The process that triggered the alert, for process alerts (<c>alert_type</c> contains <c>process</c>), else
    /// null. Selected by <c>process_id</c> and the server's default segment: 6.1 servers truncate the alert's
    /// <c>segment_id</c>, so it cannot be trusted (as cbapi does).
    /// </summary>
    public async Task<Process?> GetProcessAsync(CancellationToken cancellationToken = default)
    {
        if (AlertType is null || !AlertType.Contains("process", StringComparison.Ordinal) || ProcessId is not { Length: > 0 } guid)
            return null;
        var info = await CbOperations.SessionOf(this, "Alert.GetProcessAsync").GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return await RequireClient().GetAsync<Process>(guid + "/" + info.DefaultProcessSegment.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The indicator that matched (<c>ioc_attr</c>, JSON text), or null.</summary>
    public string? TriggerIoc => IocAttr;
}
