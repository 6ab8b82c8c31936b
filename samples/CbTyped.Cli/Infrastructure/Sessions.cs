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
}
