using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CbTyped.Events.Sources;

/// <summary>
/// Follows a file of JSON lines as it grows — the event forwarder's file output (<c>output_type=file</c>), one
/// event per line — and hands each event, decoded, to the same handlers and event types as the bus consumer. Each
/// line becomes a <see cref="CbBusMessage"/> whose routing key is the line's <c>type</c> and whose content type is
/// <c>application/json</c>.
/// </summary>
/// <remarks>
/// The file is followed across rotation (renamed away and created again) and truncation; the new file is read
/// from its beginning. A line that is not a JSON object with a string <c>type</c>, or that the decoder rejects, is
/// logged with the file and line number and skipped. A handler that throws is logged the same way and the next
/// line is read: a file cannot redeliver. A last line is read once it ends with a newline (the forwarder writes
/// whole lines). See docs/events.md.
/// </remarks>
public sealed class CbJsonLinesFileSource : ICbEventSource
{
    private readonly CbJsonLinesFileOptions _options;
    private readonly CbEventHandlerRegistry _handlers;
    private readonly ILogger _logger;
    private readonly SourceMode _mode = new();
    private long _skipped;

    /// <summary>Creates a source; nothing is read until <see cref="RunAsync"/> or <see cref="ReadAllAsync"/>.</summary>
    public CbJsonLinesFileSource(CbJsonLinesFileOptions options, ILogger<CbJsonLinesFileSource>? logger = null)
        : this(options, new CbEventHandlerRegistry(), logger)
    {
    }

    /// <summary>Creates a source that runs the handlers of <paramref name="handlers"/> (which other sources, such as
    /// the bus consumer, may share).</summary>
    public CbJsonLinesFileSource(CbJsonLinesFileOptions options, CbEventHandlerRegistry handlers, ILogger<CbJsonLinesFileSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handlers);
        ArgumentException.ThrowIfNullOrEmpty(options.Path, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineBytes, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero, nameof(options));
        _options = options;
        _handlers = handlers;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The handlers this source runs.</summary>
    public CbEventHandlerRegistry Handlers => _handlers;

    /// <summary>Lines skipped so far: not JSON objects with a <c>type</c>, too long, or rejected by the decoder.</summary>
    public long SkippedLines => Interlocked.Read(ref _skipped);

    /// <summary>Runs <paramref name="handler"/> for every event whose routing key (the line's <c>type</c>) matches
    /// <paramref name="pattern"/> (topic rules: <c>*</c> one word, <c>#</c> any number).</summary>
    public CbJsonLinesFileSource On(string pattern, Func<CbBusEvent, CancellationToken, Task> handler)
    {
        _handlers.On(pattern, handler);
        return this;
    }

    /// <summary>Like <see cref="On"/>, for events of type <typeparamref name="TEvent"/> only.</summary>
    public CbJsonLinesFileSource On<TEvent>(string pattern, Func<TEvent, CancellationToken, Task> handler) where TEvent : CbBusEvent
    {
        _handlers.On(pattern, handler);
        return this;
    }

    /// <summary>
    /// Follows the file and runs the matching handlers for each event, one at a time in file order, until
    /// <paramref name="cancellationToken"/> fires; returns after the handler in flight finishes (the handlers get
    /// that token).
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        _mode.TakeHandlers();
        _handlers.Freeze();
        await foreach (var (events, line) in ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var evt in events)
            {
                try
                {
                    if (await _handlers.DispatchAsync(evt, cancellationToken).ConfigureAwait(false) == 0)
                        FileSourceLog.Unhandled(_logger, _options.Path, line, evt.RoutingKey, evt.GetType().Name);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // a handler's failure must never stop the source: it is logged with its line
                catch (Exception e)
#pragma warning restore CA1031
                {
                    FileSourceLog.HandlerFailed(_logger, e, _options.Path, line, evt.RoutingKey);
                }
            }
        }
    }

    /// <summary>Every event in file order, following the file until <paramref name="cancellationToken"/> fires (the
    /// sequence then ends, no exception).</summary>
    public async IAsyncEnumerable<CbBusEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _mode.TakeReader();
        await foreach (var (events, _) in ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            foreach (var evt in events)
                yield return evt;
    }

    private async IAsyncEnumerable<(IReadOnlyList<CbBusEvent> Events, long Line)> ReadEventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var follower = new JsonLinesFollower(_options, _logger, () => Interlocked.Increment(ref _skipped));
        await foreach (var (line, number) in follower.ReadLinesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Decode(line, number) is { } events)
                yield return (events, number);
        }
    }

    private IReadOnlyList<CbBusEvent>? Decode(byte[] line, long number)
    {
        var type = ForwarderJson.ReadType(line, out var error);
        if (type is null)
        {
            Skip(number, error!);
            return null;
        }
        try
        {
            return _options.Decoder.Decode(new CbBusMessage(type, ForwarderJson.ContentType, line));
        }
        catch (CbEventDecodeException e)
        {
            Skip(number, e.Message);
            return null;
        }
    }

    private void Skip(long number, string reason)
    {
        Interlocked.Increment(ref _skipped);
        FileSourceLog.BadLine(_logger, _options.Path, number, reason);
    }

    /// <summary>Nothing to release: the file is closed when a read ends.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
