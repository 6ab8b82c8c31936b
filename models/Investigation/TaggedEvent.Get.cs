namespace CbTyped.Response;

public partial class TaggedEvent
{
    /// <summary>
    /// The investigation this event is tagged in (cbapi's <c>TaggedEvent.investigation</c> called a method that does
    /// not exist; this one is a get by key, which for Investigation filters the list: its spec's <c>getFrom: list</c>).
    /// </summary>
    public Task<Investigation> GetInvestigationAsync(CancellationToken cancellationToken = default) =>
        RequireClient().GetAsync<Investigation>(InvestigationId ?? throw new InvalidOperationException("This tagged event has no investigation_id."), cancellationToken);

    /// <summary>The tagged process (<c>unique_id</c> and <c>segment_id</c>).</summary>
    public Task<Process> GetProcessAsync(CancellationToken cancellationToken = default)
    {
        var guid = UniqueId ?? throw new InvalidOperationException("This tagged event has no unique_id.");
        return RequireClient().GetAsync(new ProcessKey(guid, SegmentId ?? 0), cancellationToken);
    }
}
