using CbTyped.Modeling;

namespace CbTyped.Response.Tests.Infrastructure;

/// <summary>Fetches a document over HTTP with the client's raw API and loads it into a model, as the runtime would.</summary>
public static class RawDocuments
{
    public static async Task<byte[]> GetBytesAsync(CbResponseClient client, string path)
    {
        using var response = await client.SendAsync(HttpMethod.Get, path);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<T> LoadAsync<T>(CbResponseClient client, string path)
        where T : CbModel, ICbModel<T>
    {
        var model = T.ModelInfo.CreateNew();
        T.ModelInfo.Populate(model, await GetBytesAsync(client, path));
        return model;
    }
}
