using CbTyped.Events.Consumer;

namespace CbTyped.Events;

/// <summary>
/// Handlers chosen by routing-key pattern, shared by every event source: the bus consumer, a followed file of JSON
/// lines (<see cref="Sources.CbJsonLinesFileSource"/>) and the forwarder's HTTP output
/// (<see cref="Sources.CbForwarderHttpSource"/>). Register once, run the same code whatever the events came from.
/// </summary>
/// <remarks>Patterns follow the broker's topic rules (<c>*</c> one word, <c>#</c> zero or more). Several matching
/// handlers run one after the other, in registration order. Register before a source starts.</remarks>
public sealed class CbEventHandlerRegistry
{
    private readonly List<CbEventHandler> _handlers = [];
    private volatile bool _frozen;

    /// <summary>Runs <paramref name="handler"/> for every event whose routing key matches <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is not a valid topic pattern.</exception>
    /// <exception cref="InvalidOperationException">A source using this registry already started.</exception>
    public CbEventHandlerRegistry On(string pattern, Func<CbBusEvent, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (_frozen)
            throw new InvalidOperationException("Register handlers before a source starts: a bus queue's bindings are taken from them.");
        var parsed = new RoutingKeyPattern(pattern);
        lock (_handlers)
            _handlers.Add(new CbEventHandler(parsed, handler));
        return this;
    }

    /// <summary>Like <see cref="On"/>, for events of type <typeparamref name="TEvent"/> only (others are skipped).</summary>
    public CbEventHandlerRegistry On<TEvent>(string pattern, Func<TEvent, CancellationToken, Task> handler) where TEvent : CbBusEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        return On(pattern, (evt, ct) => evt is TEvent typed ? handler(typed, ct) : Task.CompletedTask);
    }

    /// <summary>The registered patterns, in registration order (duplicates kept).</summary>
    public IReadOnlyList<string> Patterns
    {
        get
        {
            lock (_handlers)
                return _handlers.Select(h => h.Pattern.Pattern).ToList();
        }
    }

    /// <summary>How many handlers are registered.</summary>
    public int Count
    {
        get
        {
            lock (_handlers)
                return _handlers.Count;
        }
    }

    /// <summary>True once a source started with this registry: <see cref="On"/> then throws.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>Stops further registrations (a source calls it when it starts).</summary>
    public void Freeze() => _frozen = true;

    /// <summary>
    /// Runs every handler whose pattern matches <paramref name="evt"/>'s routing key, one after the other; an
    /// exception from a handler propagates (the source settles it by its own policy) and the later handlers do not
    /// run. Returns how many handlers ran.
    /// </summary>
    public async Task<int> DispatchAsync(CbBusEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        CbEventHandler[] handlers;
        lock (_handlers)
            handlers = [.. _handlers];
        var ran = 0;
        foreach (var handler in handlers)
        {
            if (!handler.Pattern.Matches(evt.RoutingKey))
                continue;
            ran++;
            await handler.Handle(evt, cancellationToken).ConfigureAwait(false);
        }
        return ran;
    }
}
