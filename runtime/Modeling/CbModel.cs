using System.ComponentModel;
using CbTyped.Modeling.Json;

namespace CbTyped.Modeling;

/// <summary>The base of every generated model: an object with a key, routes and a session it came from.</summary>
public abstract partial class CbModel : CbObject
{
    private bool _isFull;

    /// <summary>True until the instance holds a document from the server (a create not yet saved).</summary>
    public bool IsNew => RawJson.IsEmpty;

    /// <summary>
    /// True when the document is the full object (from a get-by-key, or a save's refresh); false for references made
    /// from a key alone and for rows of a list whose route returns fewer fields.
    /// </summary>
    public bool IsFull
    {
        get => _isFull;
        internal set => _isFull = value;
    }

    /// <summary>The session (the <c>CbResponseClient</c>) this instance came from; joins and refreshes go through it.</summary>
    public ICbModelSession? Client { get; set; }

    /// <summary>The model's description (routes, key, fields, joins).</summary>
    public CbModelInfo ModelDescription => (CbModelInfo)TypeDescription;

    /// <summary>The key string (normalised, composite parts joined with <c>/</c>), or null when not set yet.</summary>
    public string? GetKeyString()
    {
        string? key = GetKeyCore();
        return key is null ? null : ModelDescription.NormalizeKey(key);
    }

    /// <summary>The JSON names of required-on-create fields that have no value (check before a create).</summary>
    public IReadOnlyList<string> MissingRequiredFields()
    {
        var missing = new List<string>();
        IReadOnlyList<CbFieldInfo> fields = TypeDescription.Fields;
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].IsRequiredOnCreate && !HasValue(i))
            {
                missing.Add(fields[i].JsonName);
            }
        }

        return missing;
    }

    /// <summary>Fetches the full object through <see cref="Client"/> when this instance is not full yet.</summary>
    /// <exception cref="InvalidOperationException">The instance is not attached to a client.</exception>
    public Task EnsureFullAsync(CancellationToken cancellationToken = default)
    {
        if (IsFull)
        {
            return Task.CompletedTask;
        }

        ICbModelSession client = Client
            ?? throw new InvalidOperationException($"This {TypeDescription.Name} is not attached to a client, so it cannot be fetched.");
        return client.RefreshAsync(this, cancellationToken);
    }

    /// <summary>The key string before normalisation (generated from the key fields), or null.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract string? GetKeyCore();

    /// <summary>The session, or an exception saying the model must come from (or be attached to) a client.</summary>
    protected ICbModelSession RequireClient() =>
        Client ?? throw new InvalidOperationException(
            $"This {TypeDescription.Name} is not attached to a client; get it through CbResponseClient or set Client.");

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected override void OnDocumentLoaded()
    {
        _isFull = true;
        base.OnDocumentLoaded();
    }
}
