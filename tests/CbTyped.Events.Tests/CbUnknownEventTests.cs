using CbTyped.Events;

namespace CbTyped.Events.Tests;

public class CbUnknownEventTests
{
    [Fact]
    public void An_unknown_event_keeps_the_message_whole()
    {
        var message = new CbBusMessage("some.future.key", "application/json", "{\"a\":1}"u8.ToArray()) { DeliveryTag = 7 };
        var unknown = new CbUnknownEvent(message);
        Assert.Equal("some.future.key", unknown.RoutingKey);
        Assert.Equal(7ul, unknown.Message.DeliveryTag);
        Assert.Equal("{\"a\":1}"u8.ToArray(), unknown.Message.Body.ToArray());
    }
}
