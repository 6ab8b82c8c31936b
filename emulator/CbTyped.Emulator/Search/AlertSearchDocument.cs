using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Search;

/// <summary>An alert as the query engine sees it (alert search).</summary>
internal sealed class AlertSearchDocument(EmulatorState state, Alert alert) : ISearchDocument
{
    public void WriteFields(ISearchFieldSink sink)
    {
        var process = alert.Process;
        var sensor = state.SensorOf(process);
        sink.Add("unique_id", alert.UniqueId);
        sink.Add("alert_type", alert.AlertType);
        sink.Add("status", alert.Status);
        if (alert.AssignedTo is { } assigned)
        {
            sink.Add("assigned_to", assigned);
        }

        sink.Add("created_time", alert.CreatedTime);
        if (alert.ResolvedTime is { } resolved)
        {
            sink.Add("resolved_time", resolved);
        }

        sink.Add("feed_id", alert.FeedId);
        sink.Add("feed_name", alert.FeedName);
        if (alert.WatchlistId is { } watchlistId)
        {
            sink.Add("watchlist_id", watchlistId);
        }

        if (alert.WatchlistName is { } watchlistName)
        {
            sink.Add("watchlist_name", watchlistName);
        }

        sink.Add("ioc_type", alert.IocType);
        sink.Add("ioc_value", alert.IocValue);
        sink.Add("report_score", alert.ReportScore);
        sink.Add("alert_severity", alert.AlertSeverity);
        sink.Add("hostname", sensor?.ComputerName ?? "");
        sink.Add("group", sensor is null ? "" : state.GroupName(sensor.GroupId));
        sink.Add("sensor_id", process.SensorId);
        sink.Add("username", process.UserName);
        sink.Add("process_name", process.ProcessName);
        sink.Add("process_path", process.Path);
        sink.Add("observed_filename", process.Path);
        sink.Add("process_id", process.Id);
        sink.Add("md5", process.Md5);
        sink.Add("is_ignored", alert.IsIgnored);
    }
}
