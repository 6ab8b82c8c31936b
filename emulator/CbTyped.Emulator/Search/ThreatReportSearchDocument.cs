using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Search;

/// <summary>A feed report as the query engine sees it (threat report search).</summary>
internal sealed class ThreatReportSearchDocument(ThreatReport report) : ISearchDocument
{
    public void WriteFields(ISearchFieldSink sink)
    {
        sink.Add("id", report.ReportId);
        sink.Add("report_id", report.ReportId);
        sink.Add("title", report.Title);
        sink.Add("description", report.Description);
        sink.Add("feed_id", report.FeedId);
        sink.Add("feed_name", report.FeedName);
        sink.Add("feed_category", report.FeedCategory);
        sink.Add("severity_score", report.Score);
        sink.Add("create_time", report.CreateTime);
        sink.Add("update_time", report.UpdateTime);
        sink.Add("is_ignored", report.IsIgnored);
        foreach (var tag in report.Tags)
        {
            sink.Add("tags", tag);
        }

        foreach (var md5 in report.Md5s)
        {
            sink.Add("md5", md5);
        }

        foreach (var domain in report.Domains)
        {
            sink.Add("domain", domain);
        }

        foreach (var ip in report.IPv4s)
        {
            sink.AddIPv4("ipaddr", Data.ProcessFactory.ToIp(ip));
        }
    }
}
