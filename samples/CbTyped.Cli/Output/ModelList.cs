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
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
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
