using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>Where one JSON value sits in a buffer: the whole token (quotes, braces and brackets included).</summary>
/// <param name="Start">Offset of the value's first byte.</param>
/// <param name="Length">Length of the whole token.</param>
/// <param name="Kind">What the token is.</param>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct CbJsonValue(int Start, int Length, CbJsonKind Kind);
