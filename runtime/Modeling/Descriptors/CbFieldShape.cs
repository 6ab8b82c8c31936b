using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>How a field's value is wrapped.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name JSON and spec types on purpose.")]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CbFieldShape
{
    /// <summary>A single value.</summary>
    Single,
    /// <summary><c>list&lt;T&gt;</c></summary>
    List,
    /// <summary><c>map&lt;string,T&gt;</c></summary>
    Map,
}
