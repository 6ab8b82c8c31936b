namespace CbTyped.Modeling.Json;

/// <summary>Decodes one element of a list or map from its raw token.</summary>
public delegate T CbValueDecoder<T>(ReadOnlyMemory<byte> token, CbJsonKind kind);
