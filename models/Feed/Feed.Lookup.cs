using System.Globalization;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Feed
{
    /// <summary>
    /// The feed with id <paramref name="id"/>, or null. Servers 5.0+ have no GET by id for feeds, so the list is read
    /// and filtered (one <c>GET /api/v1/feed</c>).
    /// </summary>
    public static Task<Feed?> GetByIdAsync(ICbModelSession client, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.Select<Feed>().Where("id:" + id.ToString(CultureInfo.InvariantCulture)).FirstOrDefaultAsync(cancellationToken);
    }
}
