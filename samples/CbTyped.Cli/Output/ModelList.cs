using CbTyped.Modeling;

namespace CbTyped.Cli.Output;

/// <summary>What every list command of models prints, streamed: a JSON array with <c>--json</c>, else a table.</summary>
internal static class ModelList
{
    /// <summary>Writes the rows as they arrive, at most <paramref name="limit"/>, reporting progress; returns how many.</summary>
    public static async Task<int> WriteAsync<T>(OutputContext output, IAsyncEnumerable<T> rows, IReadOnlyList<Column<T>> columns,
        CancellationToken cancellationToken, int? limit = null, string? progressLabel = null, string unit = "rows", Func<T, bool>? filter = null)
        where T : CbModel, ICbModel<T>
    {
        if (limit is <= 0)
        {
            using var empty = new ListOutput<T>(output, columns, ModelJson.Write);
            empty.Complete();
            return 0;
        }
        using var progress = progressLabel is null ? null : ProgressBar.Start(output, progressLabel);
        using var list = new ListOutput<T>(output, columns, ModelJson.Write, progress);
        var enumerator = rows.GetAsyncEnumerator(cancellationToken);
        await using var _ = enumerator.ConfigureAwait(false);
        while (true)
        {
            // Rows already read (the rest of a page) are written without a flush; the output is sent on only when the
            // next row has to be waited for, so a pipe sees each page as it arrives at one write per page, not per row.
            var next = enumerator.MoveNextAsync();
            if (!next.IsCompleted)
                list.Flush();
            if (!await next.ConfigureAwait(false))
                break;
            var row = enumerator.Current;
            if (filter is not null && !filter(row))
                continue;
            list.Add(row);
            progress?.Report(list.Count, limit, unit);
            if (list.Count >= limit)
                break;
        }
        progress?.Clear();
        list.Complete();
        return list.Count;
    }
}
