using CbTyped;
using CbTyped.Events.JsonEvents;
using CbTyped.Response;

namespace CbTyped.Events.Responder;

/// <summary>
/// On a <c>watchlist.hit.process</c> (or <c>watchlist.storage.hit.process</c>) event: for each process document in
/// its <c>docs</c> array, isolate the sensor (the document's sensor join) and ban the process's MD5
/// (<c>process_md5</c>). Safe to run twice for one event (at-least-once delivery): an isolated sensor stays isolated
/// and a hash already banned is left as it is.
/// </summary>
public sealed class WatchlistHitResponder(CbResponseClient cb, TimeSpan? isolationPoll = null)
{
    /// <summary>The routing keys this responder handles.</summary>
    public const string Pattern = "watchlist.#";

    /// <summary>Handles one event; events of other kinds, and binary watchlist hits, are ignored.</summary>
    public async Task HandleAsync(CbBusEvent evt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt is not CbWatchlistHitEvent { IsBinary: false } hit)
            return;
        hit.Attach(cb); // the documents' joins load the REST models through this client
        foreach (var doc in hit.ProcessDocuments)
        {
            if (await doc.GetSensorAsync(cancellationToken).ConfigureAwait(false) is { } sensor && sensor.NetworkIsolationEnabled != true)
                await sensor.IsolateAsync(pollInterval: isolationPoll, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (doc.ProcessMd5 is { Length: 32 } hash)
                await BanAsync(hash, hit.Body.WatchlistName, cancellationToken).ConfigureAwait(false);
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
