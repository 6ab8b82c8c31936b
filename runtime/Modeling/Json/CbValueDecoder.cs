using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>Decodes one element of a list or map from its raw token.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T CbValueDecoder<T>(ReadOnlyMemory<byte> token, CbJsonKind kind);
