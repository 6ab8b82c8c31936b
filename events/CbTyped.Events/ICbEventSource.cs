namespace CbTyped.Events;

/// <summary>
/// Where events come from: the bus consumer, a followed file of JSON lines, the forwarder's HTTP output. Each is
/// read one way: <see cref="RunAsync"/> runs the handlers registered on it (a <see cref="CbEventHandlerRegistry"/>),
/// or <see cref="ReadAllAsync"/> yields the events to an <c>await foreach</c>.
/// </summary>
public interface ICbEventSource : IAsyncDisposable
{
    /// <summary>Runs the registered handlers for each event until <paramref name="cancellationToken"/> fires, then
    /// returns after the handler in flight finishes.</summary>
    Task RunAsync(CancellationToken cancellationToken = default);

    /// <summary>Every event as it arrives, until <paramref name="cancellationToken"/> fires (the sequence then ends).</summary>
    IAsyncEnumerable<CbBusEvent> ReadAllAsync(CancellationToken cancellationToken = default);
}
