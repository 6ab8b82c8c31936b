using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>Which JSON event type a routing key names.</summary>
internal static class JsonRoutingKeys
{
    private static readonly string[] JsonFamilies = ["watchlist.", "feed.", "alert.", "binaryinfo.", "binarystore.", "cmd.", "events.partition.", "task.error."];

    /// <summary>True for the routing keys of the server's JSON events (never protobuf).</summary>
    public static bool IsJsonFamily(string routingKey)
    {
        foreach (var family in JsonFamilies)
            if (routingKey.StartsWith(family, StringComparison.Ordinal))
                return true;
        return false;
    }

    public static CbBusEvent Create(CbBusMessage message, JsonElement json, ICbModelSession? client)
    {
        var key = message.RoutingKey;
        if (key.StartsWith("watchlist.", StringComparison.Ordinal))
            return new CbWatchlistHitEvent(message, json, client);
        if (key.StartsWith("feed.", StringComparison.Ordinal) && key.Contains(".hit.", StringComparison.Ordinal))
            return new CbFeedHitEvent(message, json, client);
        if (key.StartsWith("alert.", StringComparison.Ordinal))
            return new CbAlertEvent(message, json, client);
        if (key.StartsWith("binaryinfo.", StringComparison.Ordinal))
            return new CbBinaryObservedEvent(message, json, client);
        if (key == "binarystore.file.added")
            return new CbBinaryStoredEvent(message, json, client);
        if (key == "feed.synchronized")
            return new CbFeedSynchronizedEvent(message, json, client);
        if (key == "cmd.feed.synchronize")
            return new CbFeedSyncRequestedEvent(message, json, client);
        // events.partition.* and task.error.logged stay untyped: no published schema or recorded sample gives their fields.
        // Raw events as the forwarder writes them (its file and HTTP outputs), and its audit events, are JSON too.
        return IsJsonFamily(key) || key.StartsWith("ingress.event.", StringComparison.Ordinal) || key.StartsWith("audit.log.", StringComparison.Ordinal)
            ? new CbJsonEvent(message, json)
            : new CbUnknownEvent(message);
    }
}
