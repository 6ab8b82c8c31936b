using CbTyped.Modeling;

namespace CbTyped.Response.Internal;

/// <summary>
/// What hand-written model code needs beyond the generated joins: the <see cref="CbResponseClient"/> a model came
/// from (raw requests, server info) and its routes resolved for the server's version.
/// </summary>
internal static class ModelClient
{
    /// <summary>The client the model came from; hand-written behaviour needs raw requests, which only it offers.</summary>
    public static CbResponseClient Require(CbModel model) =>
        model.Client as CbResponseClient
        ?? throw new InvalidOperationException(
            $"This {model.ModelDescription.Name} is not attached to a CbResponseClient; get it through the client first.");

    /// <summary>The named extra route for the server's version, filled from the model's fields.</summary>
    public static string ExtraPath(CbModel model, string routeName, Version serverVersion, Func<string, string?>? valueOf = null)
    {
        var set = model.ModelDescription.Routes.Extra.TryGetValue(routeName, out var routes)
            ? routes
            : throw new InvalidOperationException($"{model.ModelDescription.Name} has no route named '{routeName}'.");
        return Resolve(set, model, routeName, serverVersion, valueOf);
    }

    /// <summary>A route set resolved for the server's version and filled from the model's fields.</summary>
    public static string Resolve(CbRouteSet? set, CbModel model, string routeName, Version serverVersion, Func<string, string?>? valueOf = null)
    {
        var route = set?.Resolve(serverVersion)
            ?? throw new InvalidOperationException($"{model.ModelDescription.Name} has no '{routeName}' route for server version {serverVersion}.");
        return route.Expand(valueOf ?? model.GetFieldText);
    }
}
