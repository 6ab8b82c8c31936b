using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A binary seen for the first time: anywhere (<c>binaryinfo.observed</c>), on a host
/// (<c>binaryinfo.host.observed</c>) or in a sensor group (<c>binaryinfo.group.observed</c>); see
/// <see cref="CbJsonEvent{TBody}.Body"/>.
/// </summary>
public sealed class CbBinaryObservedEvent : CbJsonEvent<BinaryObserved>
{
    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>; its model is attached to <paramref name="client"/>.</summary>
    public CbBinaryObservedEvent(CbBusMessage message, JsonElement json, ICbModelSession? client = null) : base(message, json, client) { }
}
