using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A watchlist matched (<c>watchlist.hit.process</c>, <c>watchlist.hit.binary</c>,
/// <c>watchlist.storage.hit.*</c>, and the <c>watchlist.&lt;id&gt;.*</c> forms): the watchlist in <see cref="CbJsonEvent{TBody}.Body"/>,
/// and the documents that matched in <see cref="ProcessDocuments"/> or <see cref="BinaryDocuments"/>.
/// </summary>
public sealed class CbWatchlistHitEvent : CbJsonEvent<WatchlistHit>
{
    private readonly HitDocuments _documents;

    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>; its models are attached to <paramref name="client"/>.</summary>
    public CbWatchlistHitEvent(CbBusMessage message, JsonElement json, ICbModelSession? client = null) : base(message, json, client)
        => _documents = HitDocuments.Read(message.RoutingKey, json, client);

    /// <summary>True for a binary watchlist (the routing key ends in <c>.binary</c>), false for a process one.</summary>
    public bool IsBinary => HitDocuments.IsBinaryKey(RoutingKey);

    /// <summary>Process hits: the process documents of <c>docs[]</c>.</summary>
    public IReadOnlyList<ProcessDocument> ProcessDocuments => _documents.Processes;

    /// <summary>Binary hits: the binary documents of <c>docs[]</c>.</summary>
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
