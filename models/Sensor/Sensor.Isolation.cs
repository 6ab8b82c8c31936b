using System.Diagnostics;

namespace CbTyped.Response;

public partial class Sensor
{
    /// <summary>How often isolation and unisolation poll the sensor when no interval is given (cbapi: 1 s).</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Isolates the sensor from the network: sets <c>network_isolation_enabled</c>, saves the sensor, then polls it until
    /// the sensor confirms (<c>is_isolating</c>), which happens at its next check-in. Returns true once confirmed.
    /// </summary>
    /// <param name="timeout">How long to wait for the confirmation; null waits until <paramref name="cancellationToken"/> fires.</param>
    /// <param name="pollInterval">Time between polls; default <see cref="DefaultPollInterval"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="CbTimeoutException">The sensor did not confirm within <paramref name="timeout"/>.</exception>
    public Task<bool> IsolateAsync(TimeSpan? timeout = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default) =>
        SetIsolationAsync(true, timeout, pollInterval, cancellationToken);

    /// <summary>
    /// Restores network access: clears <c>network_isolation_enabled</c>, saves the sensor, then polls until the sensor
    /// confirms (<c>is_isolating</c> false). Returns true once confirmed.
    /// </summary>
    /// <exception cref="CbTimeoutException">The sensor did not confirm within <paramref name="timeout"/>.</exception>
    public Task<bool> UnisolateAsync(TimeSpan? timeout = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default) =>
        SetIsolationAsync(false, timeout, pollInterval, cancellationToken);

    private async Task<bool> SetIsolationAsync(bool isolate, TimeSpan? timeout, TimeSpan? pollInterval, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await EnsureFieldLoadedAsync("network_isolation_enabled", cancellationToken).ConfigureAwait(false);
        NetworkIsolationEnabled = isolate;
        await SaveThroughClientAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan interval = pollInterval ?? DefaultPollInterval;
        while ((IsIsolating ?? false) != isolate)
        {
            TimeSpan wait = interval;
            if (timeout is { } limit)
            {
                TimeSpan left = limit - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw new CbTimeoutException(isolate
                        ? "timed out waiting for isolation to become active"
                        : "timed out waiting for isolation to be removed");
                }

                wait = left < wait ? left : wait;
            }

            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            await RequireClient().RefreshAsync(this, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
