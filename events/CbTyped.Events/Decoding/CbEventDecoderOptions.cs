namespace CbTyped.Events.Decoding;

/// <summary>
/// Limits the decoder holds every message to (nothing a message says is trusted as a size beyond them) and what the
/// forwarder-style JSON of raw events carries (console links, <c>cb_server</c>).
/// </summary>
public sealed class CbEventDecoderOptions
{
    private Uri? _serverUrl;

    /// <summary>The defaults: 64 MiB of uncompressed bundle, 16 MiB a record, 1,000,000 records, 256 zip members.</summary>
    public static CbEventDecoderOptions Default { get; } = new();

    /// <summary>The most bytes a zip bundle may inflate to, all members together.</summary>
    public long MaxBundleBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The largest single record a bundle's length prefix may announce.</summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most records one bundle may hold.</summary>
    public int MaxRecords { get; init; } = 1_000_000;

    /// <summary>The most members a zip bundle may have.</summary>
    public int MaxZipMembers { get; init; } = 256;

    /// <summary>
    /// The server's console URL (the forwarder's <c>cb_server_url</c>): when set, raw events' JSON carries the
    /// <c>link_process</c>, <c>link_sensor</c>, <c>link_parent</c>, <c>link_child</c> and <c>link_target</c> links.
    /// </summary>
    public Uri? ServerUrl
    {
        get => _serverUrl;
        init
        {
            _serverUrl = value;
            ServerUrlText = value is null ? null : value.AbsoluteUri.EndsWith('/') ? value.AbsoluteUri : value.AbsoluteUri + "/";
        }
    }

    /// <summary>
    /// The REST client (a <c>CbResponseClient</c>) the typed JSON events' models are attached to, so their joins
    /// (<c>hit.Body.GetWatchlistAsync()</c>, <c>doc.GetSensorAsync()</c>, ...) load the REST models through it. Null:
    /// the models have no client until <see cref="JsonEvents.CbJsonEvent.Attach"/> is called.
    /// </summary>
    public CbTyped.Modeling.ICbModelSession? Client { get; init; }

    /// <summary>The forwarder's <c>server_name</c>: written as <c>cb_server</c> when set.</summary>
    public string? ServerName { get; init; }

    /// <summary><see cref="ServerUrl"/> as text ending in <c>/</c>.</summary>
    internal string? ServerUrlText { get; private init; }
}
