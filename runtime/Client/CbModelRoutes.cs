using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped;

/// <summary>Picks a model's route for the server version and fills its placeholders from the key and the model's fields.</summary>
internal static class CbModelRoutes
{
    public static CbRoute Resolve(CbRouteSet? routes, CbModelInfo info, string operation, CbServerInfo server) =>
        routes?.Resolve(server.Version)
        ?? throw new CbApiException($"{info.Name} has no {operation} route for server version {server.VersionText}.");

    /// <summary>
    /// The path: key fields from <paramref name="key"/>, any other <c>{field}</c> (or <c>{parent.field}</c>) from the
    /// model's current values, changed ones included.
    /// </summary>
    public static string Expand(CbRoute route, CbModel model, string? key)
    {
        var info = model.ModelDescription;
        var parts = key is null ? null : info.Key.Split(key);
        JsonDocument? current = null;
        try
        {
            return route.Expand(name =>
            {
                var field = name.StartsWith("parent.", StringComparison.Ordinal) ? name["parent.".Length..] : name;
                if (parts is not null)
                    for (var i = 0; i < info.Key.Fields.Count; i++)
                        if (info.Key.Fields[i] == field)
                            return parts[i];
                current ??= JsonDocument.Parse(model.ToUtf8Json(CbWriteMode.Full));
                return current.RootElement.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
                    ? CbListFilter.AsText(value.GetRawText())
                    : null;
            });
        }
        finally
        {
            current?.Dispose();
        }
    }
}
