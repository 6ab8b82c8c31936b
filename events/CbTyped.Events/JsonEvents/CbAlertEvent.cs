using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// An alert was raised (<c>alert.watchlist.hit.query.process</c>, <c>.binary</c>, <c>alert.watchlist.hit.ingress.*</c>):
/// the alert in <see cref="CbJsonEvent{TBody}.Body"/>, every value the server sends as text read into its type.
/// </summary>
public sealed class CbAlertEvent : CbJsonEvent<AlertRaised>
{
    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>; its model is attached to <paramref name="client"/>.</summary>
    public CbAlertEvent(CbBusMessage message, JsonElement json, ICbModelSession? client = null) : base(message, json, client) { }
}
