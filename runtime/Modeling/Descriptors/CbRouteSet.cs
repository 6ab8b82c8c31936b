using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>A route with its server-version variants (one entry when the route never changed).</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbRouteSet
{
    /// <summary>Describes a route and its variants, most specific first as the spec lists them.</summary>
    public CbRouteSet(params CbRoute[] variants)
    {
        Variants = variants;
    }

    /// <summary>The variants in spec order.</summary>
    public IReadOnlyList<CbRoute> Variants { get; }

    /// <summary>The first variant that applies to the server version, or null when none does.</summary>
    public CbRoute? Resolve(Version? serverVersion)
    {
        foreach (CbRoute route in Variants)
        {
            if (route.AppliesTo(serverVersion))
            {
                return route;
            }
        }

        return null;
    }
}
