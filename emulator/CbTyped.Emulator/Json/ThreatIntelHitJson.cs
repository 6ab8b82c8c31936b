using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Json;

/// <summary>
/// <c>GET /api/v1/process/{id}/{segment}/threat_intel_hits</c>: one entry per report of an enabled feed that matches
/// the process (its MD5, or a domain it connected to), as the feed tags on its document say; ignored reports are left out.
/// </summary>
internal static class ThreatIntelHitJson
{
    public static JsonArray Hits(EmulatorState state, ProcessRecord process)
    {
        var hits = new JsonArray();
        var sensor = state.SensorOf(process);
        foreach (var report in state.ThreatReports)
        {
            if (report.IsIgnored || !state.Feeds.TryGetValue(report.FeedId, out var feed) || !feed.Enabled)
            {
                continue;
            }

            string? iocType = null, iocValue = null;
            if (report.Md5s.Contains(process.Md5, StringComparer.OrdinalIgnoreCase))
            {
                (iocType, iocValue) = ("md5", process.Md5.ToLowerInvariant());
            }
            else if (process.Events.NetConns.Select(c => c.Domain).FirstOrDefault(d => report.Domains.Contains(d, StringComparer.OrdinalIgnoreCase)) is { } domain)
            {
                (iocType, iocValue) = ("dns", domain);
            }

            if (iocType is null)
            {
                continue;
            }

            hits.Add(new JsonObject
            {
                ["feed_id"] = report.FeedId,
                ["feed_name"] = report.FeedName,
                ["report_id"] = report.ReportId,
                ["report_title"] = report.Title,
                ["report_score"] = report.Score,
                ["ioc_type"] = iocType,
                ["ioc_value"] = iocValue,
                ["process_id"] = process.Id,
                ["segment_id"] = state.SegmentId(process),
                ["sensor_id"] = process.SensorId,
                ["hostname"] = sensor?.ComputerName ?? "",
            });
        }

        return hits;
    }
}
