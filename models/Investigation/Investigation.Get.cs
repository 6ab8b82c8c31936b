using System.Globalization;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Investigation
{
    /// <summary>The investigation with id <paramref name="id"/>: the server has no GET by id, so the list is filtered.</summary>
    /// <exception cref="CbObjectNotFoundException">No investigation has that id.</exception>
    public static async Task<Investigation> GetByIdAsync(ICbModelSession client, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var text = id.ToString(CultureInfo.InvariantCulture);
        return await client.Select<Investigation>().Where("id:" + text).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new CbObjectNotFoundException($"Investigation {text} was not found.", 404, null, "GET", "/api/investigations");
    }
}
