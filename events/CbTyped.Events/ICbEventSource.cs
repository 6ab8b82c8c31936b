namespace CbTyped.Events;

/// <summary>
/// Where events come from: the bus consumer, a followed file of JSON lines, the forwarder's HTTP output. Each is
/// read one way: <see cref="RunAsync"/> runs the handlers registered on it (a <see cref="CbEventHandlerRegistry"/>),
/// or <see cref="ReadAllAsync"/> yields the events to an <c>await foreach</c>.
/// </summary>
public interface ICbEventSource : IAsyncDisposable
{
    /// <summary>Gets ready before the first event: the bus consumer connects and declares its queue, the HTTP source
    /// binds its port; a followed file needs nothing. A hosted service calls it when the host starts, so a broker
    /// that refuses the login or a port in use fails the start. <see cref="RunAsync"/> and <see cref="ReadAllAsync"/>
    /// call it themselves when it was not called.</summary>
    Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <summary>Runs the registered handlers for each event until <paramref name="cancellationToken"/> fires, then
    /// returns after the handler in flight finishes.</summary>
    Task RunAsync(CancellationToken cancellationToken = default);

    /// <summary>Every event as it arrives, until <paramref name="cancellationToken"/> fires (the sequence then ends).</summary>
    IAsyncEnumerable<CbBusEvent> ReadAllAsync(CancellationToken cancellationToken = default);
}
