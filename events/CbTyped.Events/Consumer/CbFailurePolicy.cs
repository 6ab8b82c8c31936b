namespace CbTyped.Events.Consumer;

/// <summary>What the consumer does with a message whose handler threw.</summary>
public enum CbFailurePolicy
{
    /// <summary>
    /// The first failure is nacked with requeue, so the broker delivers it again (to this or another consumer); a
    /// redelivered message that fails again is rejected without requeue: dead-lettered when the queue has a
    /// dead-letter exchange, otherwise dropped. It is logged either way. Never spins.
    /// </summary>
    RequeueOnce,

    /// <summary>Every failure is rejected without requeue (dead-lettered or dropped) and logged.</summary>
    Reject,

    /// <summary>Every failure is logged and acknowledged: the message is gone.</summary>
    LogAndAck,
}
