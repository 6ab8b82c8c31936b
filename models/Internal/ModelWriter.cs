using CbTyped.Modeling;

namespace CbTyped.Response.Internal;

/// <summary>PUTs a whole model back and reloads it (what hand-written actions such as isolation need).</summary>
internal static class ModelWriter
{
    /// <summary>
    /// <c>PUT</c> the update route with every field the server sent (unknown ones too, so nothing is dropped), then
    /// reload the instance from the get route, as cbapi does after a 204.
    /// </summary>
    public static async Task PutAndRefreshAsync(CbModel model, CancellationToken cancellationToken)
    {
        var client = ModelClient.Require(model);
        var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        string path = ModelClient.Resolve(model.ModelDescription.Routes.Update, model, "update", info.Version);
        byte[] body = model.ToUtf8Json(CbWriteMode.Full);
        using (await client.SendJsonAsync(HttpMethod.Put, path, body, cancellationToken).ConfigureAwait(false))
        {
        }

        await model.Client!.RefreshAsync(model, cancellationToken).ConfigureAwait(false);
    }
}
