using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests.Infrastructure;

/// <summary>Search and list endpoints with a synthetic, deterministic data set, answering start/rows like Cb does.</summary>
internal static class SearchRoutes
{
    /// <summary>A process-like row number <paramref name="i"/>.</summary>
    public static string ProcessRow(long i) =>
        $$"""{"id":"00000001-0000-{{i % 10000:0000}}-01d3-{{i:000000000000}}","segment_id":1,"process_name":"p{{i}}.exe","process_pid":{{i}},"hostname":"host{{i % 7}}","username":"user{{i % 3}}","start":"2018-01-01T00:00:00.000Z"}""";

    /// <summary>
    /// Serves a paged search of <paramref name="total"/> rows at <paramref name="path"/>; <paramref name="claimedTotal"/>
    /// lets the server overstate total_results like Solr sometimes does.
    /// </summary>
    public static void Search(this LoopbackServer server, string path, long total, Func<long, string>? row = null, long? claimedTotal = null)
    {
        row ??= ProcessRow;
        server.Route("GET", path, async ctx =>
        {
            var start = long.Parse(ctx.Request.Query["start"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
            var rows = long.Parse(ctx.Request.Query["rows"].FirstOrDefault() ?? "10", CultureInfo.InvariantCulture);
            var end = Math.Min(total, start + rows);
            var body = new StringBuilder(128 + 200 * (int)Math.Max(0, end - start));
            body.Append("{\"results\":[");
            for (var i = start; i < end; i++)
            {
                if (i > start)
                    body.Append(',');
                body.Append(row(i));
            }
            body.Append("],\"total_results\":").Append(claimedTotal ?? total)
                .Append(",\"start\":").Append(start).Append(",\"elapsed\":0.01,\"facets\":{\"process_name\":[{\"name\":\"p1.exe\",\"value\":3}]}}");
            await ctx.Response.WriteAsync(body.ToString());
        });
    }
}
