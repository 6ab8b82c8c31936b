using System.Text.Json;

namespace CbTyped.Response;

/// <summary>
/// A sensor update sends only the fields a server lets a client change (cbapi's rule for 7.1+ servers, which refuse
/// the whole document; older servers accept the same six): <c>network_isolation_enabled</c>, <c>restart_queued</c>,
/// <c>uninstall</c>, <c>group_id</c>, <c>notes</c> and <c>event_log_flush_time</c> — the last null unless it was
/// changed, so an old flush request is not sent again. The runtime's save does the rest (log line, PUT, refresh).
/// </summary>
public partial class Sensor : ICbUpdateBody
{
    /// <summary>The JSON names a sensor PUT carries, in the order they are written.</summary>
    public static IReadOnlyList<string> UpdatableFields { get; } =
        ["network_isolation_enabled", "restart_queued", "uninstall", "group_id", "notes", "event_log_flush_time"];

    /// <inheritdoc />
    /// <remarks>The flush time is not among them: the body sends it only when it was changed.</remarks>
    IReadOnlyCollection<string> ICbUpdateBody.UpdateBodySources { get; } =
        ["network_isolation_enabled", "restart_queued", "uninstall", "group_id", "notes"];

    /// <inheritdoc />
    void ICbUpdateBody.WriteUpdateBody(Utf8JsonWriter writer, CbServerInfo server, IReadOnlyCollection<string> changedFields)
    {
        writer.WriteStartObject();
        WriteBool(writer, "network_isolation_enabled", NetworkIsolationEnabled);
        WriteBool(writer, "restart_queued", RestartQueued);
        WriteBool(writer, "uninstall", Uninstall);
        if (GroupId is int group)
            writer.WriteNumber("group_id", group);
        else
            writer.WriteNull("group_id");
        WriteText(writer, "notes", Notes);
        WriteText(writer, "event_log_flush_time", changedFields.Contains("event_log_flush_time") ? EventLogFlushTime : null);
        writer.WriteEndObject();
    }

    /// <summary>Saves through the client (so the save's log line, body rule and refresh apply).</summary>
    private Task<Sensor> SaveThroughClientAsync(CancellationToken cancellationToken) =>
        RequireClient().SaveAsync(this, cancellationToken);

    private static void WriteBool(Utf8JsonWriter writer, string name, bool? value)
    {
        if (value is bool flag)
            writer.WriteBoolean(name, flag);
        else
            writer.WriteNull(name);
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
            writer.WriteNull(name);
        else
            writer.WriteString(name, value);
    }
}
