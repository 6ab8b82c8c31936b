using System.Globalization;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Sensor
{
    /// <summary>
    /// Asks the sensor to restart at its next check-in: <c>restart_queued</c> set and saved (a PUT of the update
    /// fields, then a refresh); does not wait. Nothing is sent when a restart is already queued.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await EnsureFieldLoadedAsync("restart_queued", cancellationToken).ConfigureAwait(false);
        RestartQueued = true;
        await SaveThroughClientAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks the sensor to flush its event log: <c>event_log_flush_time</c> = now + 365 days, PUT. Servers after 6.0.0
    /// take the time as RFC-822 (<c>Wed, 01 Jan 2020 00:00:00 GMT</c>), older ones as Postgres time. Saved through
    /// the client like every other change.
    /// </summary>
    public async Task FlushEventsAsync(CancellationToken cancellationToken = default)
    {
        var info = await RequireClient().GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset until = DateTimeOffset.UtcNow.AddDays(365);
        EventLogFlushTime = info.SendsRfc822FlushTime
            ? until.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture)
            : until.ToString("yyyy-MM-dd HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);
        await SaveThroughClientAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads the sensor whole only when its document lacks the field an action is about to set, so "already set, nothing
    /// to send" is decided on the server's value. A search row has it: cbapi's sequence, the PUT with no GET before it.
    /// </summary>
    private Task EnsureFieldLoadedAsync(string jsonName, CancellationToken cancellationToken) =>
        HasDocumentValue(jsonName) || IsFieldDirty(jsonName) ? Task.CompletedTask : EnsureFullAsync(cancellationToken);
}
