using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>A model's primary key: one field or several (a composite key string joins its parts with <c>/</c>).</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbKeyInfo
{
    /// <summary>Describes a key.</summary>
    public CbKeyInfo(IReadOnlyList<string> fields, CbKeyNormalization normalization = CbKeyNormalization.None, bool sentOnCreate = false)
    {
        Fields = fields;
        Normalization = normalization;
        SentOnCreate = sentOnCreate;
    }

    /// <summary>The key fields' JSON names, in key order.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The normalisation applied to key strings.</summary>
    public CbKeyNormalization Normalization { get; }

    /// <summary>True when the client chooses the key (e.g. <c>User.username</c>) and sends it on create.</summary>
    public bool SentOnCreate { get; }

    /// <summary>True when the key has several parts.</summary>
    public bool IsComposite => Fields.Count > 1;

    /// <summary>Normalises a key string.</summary>
    public string Normalize(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Normalization switch
        {
            CbKeyNormalization.Upper => key.ToUpperInvariant(),
            CbKeyNormalization.Lower => key.ToLowerInvariant(),
            _ => key,
        };
    }

    /// <summary>Splits a key string into its parts (one part for a simple key).</summary>
    /// <exception cref="ArgumentException">A composite key does not have one part per key field.</exception>
    public IReadOnlyList<string> Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsComposite)
        {
            return [key];
        }

        string[] parts = key.Split('/');
        if (parts.Length != Fields.Count)
        {
            throw new ArgumentException($"A key of this model has {Fields.Count} parts joined with '/' ({string.Join("/", Fields)}).", nameof(key));
        }

        return parts;
    }
}
