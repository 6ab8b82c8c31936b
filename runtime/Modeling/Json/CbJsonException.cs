using System.Text.Json;

namespace CbTyped.Modeling.Json;

/// <summary>The server sent JSON that is malformed or has a value of the wrong shape for its field.</summary>
/// <remarks>Derives from <see cref="JsonException"/> so callers that already catch System.Text.Json errors catch it too.</remarks>
public sealed class CbJsonException : JsonException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong (never contains secrets: only JSON structure and field names).</param>
    /// <param name="bytePosition">Offset in the buffer being read, when known.</param>
    public CbJsonException(string message, long? bytePosition = null)
        : base(message, path: null, lineNumber: null, bytePositionInLine: bytePosition)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public CbJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
