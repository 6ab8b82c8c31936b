using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class StoragePartition
{
    /// <summary>
    /// Every event partition (<c>GET /api/v1/storage/events/partition</c>, 6.0+). The server answers an object keyed
    /// by partition name, not a list, so this is hand-written; the partitions come back in name order. Servers
    /// older than 6.0 have no partitions (and forbid the route), so the list is empty without a request.
    /// </summary>
    public static async Task<IReadOnlyList<StoragePartition>> ListAsync(CbResponseClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var server = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        if (server.Version < new System.Version(6, 0))
            return [];
        using var doc = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/storage/events/partition", null, cancellationToken).ConfigureAwait(false);
        var partitions = new List<StoragePartition>();
        if (doc is not { RootElement.ValueKind: JsonValueKind.Object })
            return partitions;
        foreach (var entry in doc.RootElement.EnumerateObject().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var partition = ModelInfo.CreateNew();
            partition.Client = client as ICbModelSession;
            partition.LoadJson(System.Text.Encoding.UTF8.GetBytes(entry.Value.GetRawText()));
            partitions.Add(partition);
        }

        return partitions;
    }

    /// <summary>Starts a new hot partition (<c>POST /api/v1/storage/events/new_partition</c>, 6.1+).</summary>
    public static async Task CreateNewAsync(CbResponseClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/storage/events/new_partition", JsonNull, cancellationToken).ConfigureAwait(false))?.Dispose();
    }

    /// <summary>Mounts the partition so its events are searchable (<c>POST …/{name}/mount</c>).</summary>
    public Task MountAsync(CancellationToken cancellationToken = default) => PostAsync("mount", cancellationToken);

    /// <summary>Unmounts the partition (<c>POST …/{name}/unmount</c>).</summary>
    public Task UnmountAsync(CancellationToken cancellationToken = default) => PostAsync("unmount", cancellationToken);

    private static readonly ReadOnlyMemory<byte> JsonNull = "null"u8.ToArray();

    private async Task PostAsync(string action, CancellationToken cancellationToken)
    {
        var name = Name ?? throw new InvalidOperationException("This partition has no name.");
        (await this.RequireResponseClient().SendJsonAsync(HttpMethod.Post,
            "/api/v1/storage/events/" + Uri.EscapeDataString(name) + "/" + action, JsonNull, cancellationToken).ConfigureAwait(false))?.Dispose();
    }
}
