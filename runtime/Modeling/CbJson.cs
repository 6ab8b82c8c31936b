using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CbTyped.Modeling;

/// <summary>Shared JSON settings for request bodies.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbJson
{
    /// <summary>
    /// Writer options for request bodies: no indentation, and the relaxed encoder so a timestamp's <c>+</c> or a path's
    /// non-ASCII letters go out as themselves rather than <c>\u002B</c> (bodies are JSON for an API, never HTML).
    /// </summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };
}
