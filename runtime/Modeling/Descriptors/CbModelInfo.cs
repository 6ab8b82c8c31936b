using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>Everything the runtime knows about a model, without its CLR type (for logs, caches and errors).</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CbModelInfo : CbTypeInfo
{
    /// <summary>Describes a model.</summary>
    protected CbModelInfo(
        string name,
        CbKeyInfo key,
        CbRoutes routes,
        CbQueryInfo query,
        IReadOnlyList<CbFieldInfo> fields,
        IReadOnlyList<CbJoinInfo> joins)
        : base(name, fields)
    {
        Key = key;
        Routes = routes;
        Query = query;
        Joins = joins;
    }

    /// <summary>The primary key.</summary>
    public CbKeyInfo Key { get; }

    /// <summary>The routes.</summary>
    public CbRoutes Routes { get; }

    /// <summary>How the model is queried.</summary>
    public CbQueryInfo Query { get; }

    /// <summary>The joins.</summary>
    public IReadOnlyList<CbJoinInfo> Joins { get; }

    /// <summary>Normalises a key string (e.g. MD5s upper-cased).</summary>
    public string NormalizeKey(string key) => Key.Normalize(key);
}
