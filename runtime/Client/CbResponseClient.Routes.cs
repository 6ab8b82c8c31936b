using CbTyped.Modeling;

namespace CbTyped;

/// <summary>What hand-written model code (a partial class beside a generated model) needs for its own requests.</summary>
public partial class CbResponseClient
{
    /// <summary>
    /// The path of one of <paramref name="model"/>'s routes for this server's version, its placeholders filled:
    /// <paramref name="routeName"/> is <c>list</c>, <c>get</c>, <c>create</c>, <c>update</c>, <c>delete</c> or the name
    /// of an <c>extra</c> route in the model's spec (e.g. <c>events</c> → <c>/api/v4/process/{id}/{segment_id}/event</c>).
    /// Key fields come from the model's key, other <c>{field}</c>s from its current values. Send it with
    /// <see cref="SendAsync"/>, <see cref="SendStreamingAsync"/> or <see cref="SendJsonAsync"/>.
    /// </summary>
    /// <exception cref="CbApiException">The model has no such route for this server's version.</exception>
    public virtual async Task<string> GetRoutePathAsync(CbModel model, string routeName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(routeName);
        var info = model.ModelDescription;
        var routes = routeName switch
        {
            "list" => info.Routes.List,
            "get" => info.Routes.Get,
            "create" => info.Routes.Create,
            "update" => info.Routes.Update,
            "delete" => info.Routes.Delete,
            _ => info.Routes.Extra.TryGetValue(routeName, out var extra) ? extra : null,
        };
        var server = await GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        var route = CbModelRoutes.Resolve(routes, info, "'" + routeName + "'", server);
        return CbModelRoutes.Expand(route, model, model.GetKeyString());
    }
}
