using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>The kind of one JSON value as the structural scanner saw it.</summary>
/// <remarks><para>For generated code; applications should not call it, and it may change between versions.</para>
/// Fits in four bits: it is packed into a field slot (see <see cref="CbFieldSlot"/>).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The members name JSON and spec types on purpose.")]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CbJsonKind : byte
{
    /// <summary>The member was not in the document.</summary>
    None = 0,
    /// <summary>An ASCII string without escape sequences: its bytes are its characters, one each.</summary>
    String = 1,
    /// <summary>A string that needs decoding: it has a backslash escape or a non-ASCII (UTF-8) byte.</summary>
    EscapedString = 2,
    /// <summary>A number token (validated when decoded).</summary>
    Number = 3,
    /// <summary>The literal <c>true</c>.</summary>
    True = 4,
    /// <summary>The literal <c>false</c>.</summary>
    False = 5,
    /// <summary>The literal <c>null</c>.</summary>
    Null = 6,
    /// <summary>An object, including its braces.</summary>
    Object = 7,
    /// <summary>An array, including its brackets.</summary>
    Array = 8,
}
