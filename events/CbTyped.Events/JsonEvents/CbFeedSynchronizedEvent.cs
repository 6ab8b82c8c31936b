using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>A feed finished synchronising (<c>feed.synchronized</c>); see <see cref="CbJsonEvent{TBody}.Body"/>.</summary>
public sealed class CbFeedSynchronizedEvent : CbJsonEvent<FeedSynchronized>
{
    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>; its model is attached to <paramref name="client"/>.</summary>
    public CbFeedSynchronizedEvent(CbBusMessage message, JsonElement json, ICbModelSession? client = null) : base(message, json, client) { }
}
