using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A watchlist matched (<c>watchlist.hit.process</c>, <c>watchlist.hit.binary</c>,
/// <c>watchlist.storage.hit.*</c>, and the <c>watchlist.&lt;id&gt;.*</c> forms): the watchlist, and in
/// <see cref="Documents"/> the process or binary documents that matched.
/// </summary>
public sealed class CbWatchlistHitEvent : CbJsonEvent
{
    private static readonly HashSet<string> Typed = Fields("watchlist_id", "watchlist_name", "server_name", "cb_version", "process_id", "md5", "docs");

    /// <summary>Reads <paramref name="json"/>.</summary>
    public CbWatchlistHitEvent(CbBusMessage message, JsonElement json) : base(message, json)
        => Documents = JsonEventDocuments.Read(json);

    /// <inheritdoc />
    protected override IReadOnlySet<string> TypedFields => Typed;

    /// <summary>True for a binary watchlist (the routing key ends in <c>.binary</c>), false for a process one.</summary>
    public bool IsBinary => RoutingKey.EndsWith(".binary", StringComparison.Ordinal);

    /// <summary>The watchlist's id (the REST API's watchlist id).</summary>
    public long? WatchlistId => JsonFields.Int64(Json, "watchlist_id");

    /// <summary>The watchlist's name.</summary>
    public string? WatchlistName => JsonFields.String(Json, "watchlist_name");

    /// <summary>The server's host name.</summary>
    public string? ServerName => JsonFields.String(Json, "server_name");

    /// <summary>The server's version.</summary>
    public string? CbVersion => JsonFields.String(Json, "cb_version");

    /// <summary>Storage process hits: the process GUID (<c>process_id</c>).</summary>
    public string? ProcessId => JsonFields.String(Json, "process_id");

    /// <summary>Storage binary hits: the binary's MD5, upper case.</summary>
    public string? Md5 => JsonFields.String(Json, "md5")?.ToUpperInvariant();

    /// <summary>The matching documents (<c>docs[]</c>).</summary>
    public IReadOnlyList<CbHitDocument> Documents { get; }

    /// <inheritdoc />
    protected override void WriteTypedFields(Utf8JsonWriter writer)
    {
        base.WriteTypedFields(writer);
        JsonOut.Write(writer, "watchlist_id", WatchlistId);
        JsonOut.Write(writer, "watchlist_name", WatchlistName);
        JsonOut.Write(writer, "server_name", ServerName);
        JsonOut.Write(writer, "cb_version", CbVersion);
        JsonOut.Write(writer, "process_id", ProcessId);
        JsonOut.Write(writer, "md5", Md5);
        JsonEventDocuments.Write(writer, Documents);
    }
}
