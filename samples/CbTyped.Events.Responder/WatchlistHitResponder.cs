using System.Text.Json;
using CbTyped;
using CbTyped.Response;

namespace CbTyped.Events.Responder;

/// <summary>
/// On a <c>watchlist.hit.process</c> (or <c>watchlist.storage.hit.process</c>) event: for each process document in
/// its <c>docs</c> array, isolate the sensor (<c>sensor_id</c>) and ban the process's MD5 (<c>process_md5</c>).
/// Safe to run twice for one event (at-least-once delivery): an isolated sensor stays isolated and a hash already
/// banned is left as it is.
/// </summary>
public sealed class WatchlistHitResponder(CbResponseClient cb, TimeSpan? isolationPoll = null)
{
    /// <summary>The routing keys this responder handles.</summary>
    public const string Pattern = "watchlist.#";

    /// <summary>Handles one event; events of other kinds are ignored.</summary>
    public async Task HandleAsync(CbBusEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (!evt.RoutingKey.EndsWith(".process", StringComparison.Ordinal) || evt.Message.ContentType != "application/json")
            return;
        using var json = JsonDocument.Parse(evt.Message.Body);
        if (!json.RootElement.TryGetProperty("docs", out var docs) || docs.ValueKind != JsonValueKind.Array)
            return;
        var watchlist = json.RootElement.TryGetProperty("watchlist_name", out var name) ? name.GetString() : null;
        foreach (var doc in docs.EnumerateArray())
        {
            if (doc.TryGetProperty("sensor_id", out var sensorId) && sensorId.TryGetInt32(out var id))
            {
                var sensor = await cb.GetAsync<Sensor>(id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
                if (sensor.NetworkIsolationEnabled != true)
                    await sensor.IsolateAsync(pollInterval: isolationPoll, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            if (doc.TryGetProperty("process_md5", out var md5) && md5.GetString() is { Length: 32 } hash)
                await BanAsync(hash, watchlist, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task BanAsync(string md5, string? watchlist, CancellationToken cancellationToken)
    {
        await foreach (var existing in cb.Select<BannedHash>().WithCancellation(cancellationToken).ConfigureAwait(false))
            if (string.Equals(existing.Md5hash, md5, StringComparison.OrdinalIgnoreCase) && existing.Enabled == true)
                return;
        var ban = cb.Create<BannedHash>();
        ban.Md5hash = md5.ToLowerInvariant();
        ban.Text = $"Banned on a hit of watchlist '{watchlist}' (CbTyped.Events.Responder)";
        await cb.SaveAsync(ban, cancellationToken).ConfigureAwait(false);
    }
}
