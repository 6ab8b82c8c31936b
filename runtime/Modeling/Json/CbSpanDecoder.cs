using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>Decodes one field's value from its raw token (the full readers of <see cref="CbValueReader"/>).</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T CbSpanDecoder<T>(ReadOnlySpan<byte> token, CbJsonKind kind);
