using System.Text.Json;

namespace CbTyped;

/// <summary>cbapi's start-up sequence: <c>/api/info</c>, the 5.0 floor, and the 6.0+ legacy-partition check.</summary>
internal static class CbServerInfoLoader
{
    private static readonly Version Minimum = new(5, 0, 0);

    public static async Task<CbServerInfo> LoadAsync(CbResponseClient client, CancellationToken cancellationToken)
    {
        JsonDocument? info;
        try
        {
            info = await client.SendJsonAsync(HttpMethod.Get, "/api/info", null, cancellationToken).ConfigureAwait(false);
        }
        catch (CbUnauthorizedException e)
        {
            throw new CbUnauthorizedException($"Invalid API token for server {client.Url}.", e.StatusCode, e.ServerMessage, e.Method, e.Path);
        }
        using (info)
        {
            if (info is null || info.RootElement.ValueKind != JsonValueKind.Object)
                throw new CbServerException("GET /api/info returned no server information", 200, null, "GET", "/api/info");
            var probe = new CbServerInfo(info.RootElement);
            if (probe.Version < Minimum)
                throw new CbApiException($"CbTyped only supports Cb Response servers version >= 5.0.0 (server {client.Url} is {probe.VersionText})");
            var legacy = probe.Version >= new Version(6, 0) && await HasLegacyPartitionsAsync(client, cancellationToken).ConfigureAwait(false);
            if (legacy)
                CbLog.LegacyMode(client.Logger);
            CbLog.Connected(client.Logger, probe.VersionText, client.Url.ToString());
            return new CbServerInfo(info.RootElement, legacy);
        }
    }

    /// <summary>Any partition with <c>info.isLegacy</c> → legacy mode. A 403 (a user without the right) is ignored.</summary>
    private static async Task<bool> HasLegacyPartitionsAsync(CbResponseClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var partitions = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/storage/events/partition", null, cancellationToken).ConfigureAwait(false);
            if (partitions is null || partitions.RootElement.ValueKind != JsonValueKind.Object)
                return false;
            foreach (var partition in partitions.RootElement.EnumerateObject())
                if (partition.Value.ValueKind == JsonValueKind.Object &&
                    partition.Value.TryGetProperty("info", out var details) && details.ValueKind == JsonValueKind.Object &&
                    details.TryGetProperty("isLegacy", out var isLegacy) && isLegacy.ValueKind == JsonValueKind.True)
                    return true;
            return false;
        }
        catch (CbClientException e) when (e.StatusCode is 403 or 404)
        {
            return false;
        }
    }
}
