using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A threat-intelligence feed's IOC matched (<c>feed.ingress.hit.*</c>, <c>feed.storage.hit.*</c>,
/// <c>feed.query.hit.*</c>, and the <c>feed.&lt;feed id&gt;.*</c> forms of 5.2+ servers): the feed, report and IOC
/// in <see cref="CbJsonEvent{TBody}.Body"/>; storage and query hits also have <see cref="ProcessDocuments"/> or
/// <see cref="BinaryDocuments"/>.
/// </summary>
public sealed class CbFeedHitEvent : CbJsonEvent<FeedHit>
{
    private readonly HitDocuments _documents;

    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>; its models are attached to <paramref name="client"/>.</summary>
    public CbFeedHitEvent(CbBusMessage message, JsonElement json, ICbModelSession? client = null) : base(message, json, client)
        => _documents = HitDocuments.Read(message.RoutingKey, json, client);

    /// <summary>When the IOC matched: <c>ingress</c>, <c>storage</c> or <c>query</c> (from the routing key).</summary>
    public string? HitStage => RoutingKey.Split('.') is var parts && parts.Length >= 4 ? parts[^3] : null;

    /// <summary>Process storage and query hits: the process documents of <c>docs[]</c>.</summary>
    public IReadOnlyList<ProcessDocument> ProcessDocuments => _documents.Processes;

    /// <summary>Binary storage hits: the binary documents of <c>docs[]</c>.</summary>
    public IReadOnlyList<BinaryDocument> BinaryDocuments => _documents.Binaries;

    /// <inheritdoc />
    protected override bool ReadsDocuments => true;

    /// <inheritdoc />
    public override void Attach(ICbModelSession? client)
    {
        base.Attach(client);
        _documents.Attach(client);
    }
}
