namespace CbTyped.Events.Consumer;

/// <summary>A handler registered with <see cref="CbEventBusConsumer.On"/>: the pattern it runs for, and the code.</summary>
internal sealed record CbEventHandler(RoutingKeyPattern Pattern, Func<CbBusEvent, CancellationToken, Task> Handle);
