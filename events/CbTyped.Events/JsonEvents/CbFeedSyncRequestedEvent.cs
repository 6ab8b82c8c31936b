using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>A feed synchronisation was requested (<c>cmd.feed.synchronize</c>); see <see cref="CbJsonEvent{TBody}.Body"/>.</summary>
public sealed class CbFeedSyncRequestedEvent : CbJsonEvent<FeedSyncRequested>
{
    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>; its model is attached to <paramref name="client"/>.</summary>
    public CbFeedSyncRequestedEvent(CbBusMessage message, JsonElement json, ICbModelSession? client = null) : base(message, json, client) { }
}
