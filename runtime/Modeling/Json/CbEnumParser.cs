using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>Maps an enum's JSON text (UTF-8, unescaped) to a member; generated per enum, never throws.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate TEnum CbEnumParser<TEnum>(ReadOnlySpan<byte> utf8Text) where TEnum : struct, Enum;
