using CbTyped.Modeling;

namespace CbTyped.Cli.Infrastructure;

/// <summary>Model helpers the commands share.</summary>
internal static class Sessions
{
    /// <summary>Gets a model by key; a 404 becomes a one-line "not found" naming what was asked for.</summary>
    public static async Task<T> GetOrNotFoundAsync<T>(this CommandContext context, string key, string what)
        where T : CbModel, ICbModel<T>
    {
        try
        {
            return await context.Client.GetAsync<T>(key, context.CancellationToken).ConfigureAwait(false);
        }
        catch (CbObjectNotFoundException)
        {
            throw new CliNotFoundException($"{what} {key} not found.");
        }
    }

    /// <summary>At most <paramref name="limit"/> results of a query, reporting progress per row.</summary>
    public static async Task<List<T>> TakeAsync<T>(this ICbQuery<T> query, int limit, Action<int>? progress, CancellationToken cancellationToken)
        where T : CbModel, ICbModel<T>
    {
        var results = new List<T>();
        if (limit <= 0)
            return results;
        await foreach (var item in query.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            results.Add(item);
            progress?.Invoke(results.Count);
            if (results.Count >= limit)
                break;
        }
        return results;
    }
}
