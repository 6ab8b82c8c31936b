using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CbTyped.Emulator.Bus;

/// <summary>One message for the broker: JSON on <c>api.events</c> unless said otherwise (raw events are protobuf,
/// bundles zip on <c>api.rawsensordata</c> with the sensor in <paramref name="Headers"/>); <paramref name="Published"/>
/// is completed by the publisher when a test waits for it.</summary>
internal sealed record BusMessage(
    string RoutingKey,
    byte[] Body,
    string ContentType = "application/json",
    TaskCompletionSource? Published = null,
    string Exchange = BusPublisher.Exchange,
    IDictionary<string, object?>? Headers = null);
