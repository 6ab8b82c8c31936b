namespace CbTyped.Response;

public partial class Process
{
    /// <summary>
    /// The events of this segment the sensor flagged as tampering with it (cbapi's <c>tamper_event</c> flag: file and
    /// registry writes, child processes and cross-process events), sorted by time.
    /// </summary>
    public async Task<IReadOnlyList<ProcessEvent>> GetTamperEventsAsync(CancellationToken cancellationToken = default) =>
        [.. (await GetEventsAsync(cancellationToken).ConfigureAwait(false)).All.Where(e => e.IsTampered)];

    /// <summary>
    /// The process an event names by unique id (<c>{guid}-{segment hex}</c>), through the identity cache as walks
    /// fetch it; null when the id is empty or the server does not have the process.
    /// </summary>
    internal async Task<Process?> GetRelatedProcessAsync(string? uniqueId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(uniqueId) || !ProcessGuid.TrySplitUniqueId(uniqueId, out string guid, out _))
        {
            return null;
        }

        var client = RequireClient();
        var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await client.GetAsync<Process>(KeyFor(guid, info.DefaultProcessSegment), cancellationToken).ConfigureAwait(false);
        }
        catch (CbObjectNotFoundException)
        {
            return null;
        }
    }
}
