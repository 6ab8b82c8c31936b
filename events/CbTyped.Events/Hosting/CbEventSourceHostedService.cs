using Microsoft.Extensions.Hosting;

namespace CbTyped.Events.Hosting;

/// <summary>
/// Runs any <see cref="ICbEventSource"/>'s handlers — the bus consumer, a followed file, the forwarder's HTTP output —
/// for the life of the host: <see cref="ICbEventSource.StartAsync"/> when the host starts (a refused login or a port
/// in use fails the start), then its run. Stopping the host stops taking new events and waits for the handler in
/// flight until the host's shutdown timeout; then the source is disposed (for the bus, unacknowledged messages go back
/// to the broker and the handlers' token fires).
/// </summary>
public sealed class CbEventSourceHostedService : IHostedService, IAsyncDisposable
{
    private readonly ICbEventSource _source;
    private readonly CancellationTokenSource _stopping = new();
    private Task? _run;

    /// <summary>Wraps <paramref name="source"/> (its handlers already registered).</summary>
    public CbEventSourceHostedService(ICbEventSource source) => _source = source ?? throw new ArgumentNullException(nameof(source));

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _source.StartAsync(cancellationToken).ConfigureAwait(false);
        _run = _source.RunAsync(_stopping.Token);
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
                // Out of time: disposing stops the source.
            }
        }
        await _source.DisposeAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
