using CbTyped.Events.Consumer;
using Microsoft.Extensions.Hosting;

namespace CbTyped.Events.Hosting;

/// <summary>
/// Runs a <see cref="CbEventBusConsumer"/>'s handlers for the life of the host. Stopping the host stops taking new
/// messages and waits for the handler in flight; if the host's shutdown timeout passes first, the handlers' token
/// fires and the unacknowledged messages go back to the broker.
/// </summary>
public sealed class CbEventBusHostedService : IHostedService, IAsyncDisposable
{
    private readonly CbEventBusConsumer _consumer;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _run;

    /// <summary>Wraps <paramref name="consumer"/> (its handlers already registered).</summary>
    public CbEventBusHostedService(CbEventBusConsumer consumer) => _consumer = consumer ?? throw new ArgumentNullException(nameof(consumer));

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _consumer.StartAsync(cancellationToken).ConfigureAwait(false);
        _run = _consumer.RunAsync(_stopping.Token);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            try
            {
                await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Out of time: disposing cancels the handlers' token.
            }
        }
        await _consumer.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _consumer.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
