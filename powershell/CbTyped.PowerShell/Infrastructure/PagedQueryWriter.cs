using System.Globalization;
using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary>
/// Writes a query's rows to the pipeline as its pages arrive, honouring <c>-First</c>, <c>-Skip</c> and
/// <c>-IncludeTotalCount</c> (SupportsPaging), with a Write-Progress record that counts the rows written.
/// </summary>
internal sealed class PagedQueryWriter<T>(CbCmdlet cmdlet, string activity, object? target)
    where T : CbTyped.Modeling.CbModel, CbTyped.Modeling.ICbModel<T>
{
    public void Write(CbQuery<T> query)
    {
        var paging = cmdlet.PagingParameters;
        if (paging.IncludeTotalCount)
        {
            var total = cmdlet.Await(query.CountAsync);
            cmdlet.WriteObject(paging.NewTotalCount((ulong)Math.Max(0, total), 1.0));
        }
        if (paging.Skip > 0)
            query = query.Skip((long)Math.Min(paging.Skip, long.MaxValue));
        long? limit = paging.First == ulong.MaxValue ? null : (long)Math.Min(paging.First, long.MaxValue);
        if (limit is { } take)
            query = query.Take(take);

        var progress = new ProgressRecord(CbCmdlet.NewActivityId(), activity, "Query: " + (target?.ToString() ?? query.QueryText));
        long written = 0;
        try
        {
            foreach (var row in cmdlet.Enumerate(query))
            {
                cmdlet.WriteObject(row);
                // One record per page is enough for a progress display.
                if (++written % 100 == 0)
                {
                    progress.StatusDescription = written.ToString(CultureInfo.InvariantCulture) + " received";
                    cmdlet.WriteProgress(progress);
                }
            }
        }
        finally
        {
            if (written >= 100)
            {
                progress.RecordType = ProgressRecordType.Completed;
                cmdlet.WriteProgress(progress);
            }
        }
    }
}
