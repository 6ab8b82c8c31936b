using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Alert
{
    /// <summary>
    /// Reloads the alert. Alerts have no GET by id: the server is searched with <c>cb.fq.unique_id=&lt;id&gt;</c>
    /// (<c>GET /api/v2/alert</c>); no match is a <see cref="CbObjectNotFoundException"/>, several a
    /// <see cref="CbMoreThanOneResultException"/>.
    /// </summary>
    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        var id = RequireUniqueId();
        var path = "/api/v2/alert?cb.fq.unique_id=" + Uri.EscapeDataString(id) + "&cb.urlver=1&rows=2&start=0";
        using var page = await this.RequireResponseClient().SendJsonAsync(HttpMethod.Get, path, null, cancellationToken).ConfigureAwait(false);
        var results = page is not null && page.RootElement.TryGetProperty("results", out var r) && r.ValueKind == JsonValueKind.Array
            ? r
            : default;
        int count = results.ValueKind == JsonValueKind.Array ? results.GetArrayLength() : 0;
        if (count == 0)
            throw new CbObjectNotFoundException($"Alert {id} was not found.", 404, null, "GET", path);
        if (count > 1)
            throw new CbMoreThanOneResultException($"{count} alerts found for unique_id {id}.", count);
        LoadJson(JsonSerializerFreeCopy(results[0]));
    }

    /// <summary>The row's own UTF-8 bytes: the model keeps the memory it loads, so it must outlive the page document.</summary>
    private static ReadOnlyMemory<byte> JsonSerializerFreeCopy(JsonElement row) =>
        System.Text.Encoding.UTF8.GetBytes(row.GetRawText());
}
