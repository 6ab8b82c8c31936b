using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>How a key string is normalised before use (cache lookups, URLs).</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CbKeyNormalization
{
    /// <summary>As is.</summary>
    None,
    /// <summary>Upper-cased invariantly (binary MD5s).</summary>
    Upper,
    /// <summary>Lower-cased invariantly.</summary>
    Lower,
}
