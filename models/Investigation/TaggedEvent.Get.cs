using System.Globalization;

namespace CbTyped.Response;

public partial class TaggedEvent
{
    /// <summary>
    /// The investigation this event is tagged in (cbapi's <c>TaggedEvent.investigation</c> called a method that does
    /// not exist; this one filters the investigation list by id).
    /// </summary>
    public Task<Investigation> GetInvestigationAsync(CancellationToken cancellationToken = default) =>
        Investigation.GetByIdAsync(RequireClient(), InvestigationId ?? throw new InvalidOperationException("This tagged event has no investigation_id."), cancellationToken);

    /// <summary>The tagged process (<c>unique_id</c> and <c>segment_id</c>).</summary>
    public Task<Process> GetProcessAsync(CancellationToken cancellationToken = default)
    {
        var guid = UniqueId ?? throw new InvalidOperationException("This tagged event has no unique_id.");
        var segment = (SegmentId ?? 0).ToString(CultureInfo.InvariantCulture);
        return RequireClient().GetAsync<Process>(guid + "/" + segment, cancellationToken);
    }
}
