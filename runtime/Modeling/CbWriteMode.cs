namespace CbTyped.Modeling;

/// <summary>What a model's JSON writer includes.</summary>
public enum CbWriteMode
{
    /// <summary>Every field the document had (unknown ones too, byte for byte) plus every changed field: the PUT body.</summary>
    Full = 0,

    /// <summary>Like <see cref="Full"/> but without the key fields unless the spec says the client chooses the key
    /// (<c>key.sentOnCreate</c>) and without read-only fields: the POST body.</summary>
    Create = 1,

    /// <summary>Only the fields changed since the document was loaded (for servers that take a partial update).</summary>
    Changes = 2,
}
