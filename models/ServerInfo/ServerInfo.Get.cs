using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class ServerInfo
{
    /// <summary>
    /// The server's <c>/api/info</c> as a typed model. It reuses the document the client read at start-up (one
    /// request per client), so asking again costs nothing.
    /// </summary>
    public static async Task<ServerInfo> GetAsync(CbResponseClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var model = ModelInfo.CreateNew();
        model.Client = client as ICbModelSession;
        model.LoadJson(System.Text.Encoding.UTF8.GetBytes(info.Document.GetRawText()));
        return model;
    }

    /// <summary>The version as numbers (<c>6.2.0.171114</c> of <c>6.2.0.171114.1158</c>), or null when absent or malformed.</summary>
    public System.Version? ParsedVersion
    {
        get
        {
            if (Version is not { } text)
                return null;
            var parts = text.Split('.');
            return System.Version.TryParse(string.Join('.', parts.Take(Math.Min(4, parts.Length))), out var v) ? v : null;
        }
    }
}
