using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>The kind of value a field holds (its spec type, without list/map wrapping).</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name JSON and spec types on purpose.")]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CbFieldType
{
    /// <summary><c>string</c></summary>
    String,
    /// <summary><c>int</c></summary>
    Int32,
    /// <summary><c>long</c></summary>
    Int64,
    /// <summary><c>double</c></summary>
    Double,
    /// <summary><c>bool</c></summary>
    Boolean,
    /// <summary><c>datetime</c> (every Cb format)</summary>
    DateTime,
    /// <summary><c>guid</c></summary>
    Guid,
    /// <summary><c>enum</c> with an <c>Unknown</c> fallback</summary>
    Enum,
    /// <summary>a nested object type declared under <c>types:</c></summary>
    Object,
    /// <summary><c>clr:Full.Type.Name</c></summary>
    Clr,
    /// <summary><c>json</c>: any JSON value, kept as sent (a <see cref="System.Text.Json.JsonElement"/>)</summary>
    Json,
}
