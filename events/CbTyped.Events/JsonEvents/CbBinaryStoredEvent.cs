using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>A binary file was stored on the server (<c>binarystore.file.added</c>); see <see cref="CbJsonEvent{TBody}.Body"/>.</summary>
public sealed class CbBinaryStoredEvent : CbJsonEvent<BinaryStored>
{
    /// <summary>Reads <paramref name="json"/>, the body of <paramref name="message"/>; its model is attached to <paramref name="client"/>.</summary>
    public CbBinaryStoredEvent(CbBusMessage message, JsonElement json, ICbModelSession? client = null) : base(message, json, client) { }
}
