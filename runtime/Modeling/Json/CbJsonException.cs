using System.Text.Json;

namespace CbTyped.Modeling.Json;

/// <summary>The server sent JSON that is malformed or has a value of the wrong shape for its field.</summary>
/// <remarks>
/// Derives from <see cref="JsonException"/> so callers that already catch System.Text.Json errors catch it too.
/// When a field's value is at fault, <see cref="ModelName"/>, <see cref="PropertyName"/>, <see cref="JsonName"/> and
/// <see cref="JsonException.Path"/> say where (<c>Process.ProcessPid</c>, <c>process_pid</c>,
/// <c>$.results[3].process_pid</c>); the message describes the value's JSON type, never the value itself.
/// </remarks>
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

    /// <summary>Creates the exception for a field whose value cannot be read as the field's type.</summary>
    /// <param name="message">What is wrong (field names and JSON types only, never the value).</param>
    /// <param name="modelName">The generated type (<c>Process</c>).</param>
    /// <param name="propertyName">The C# property (<c>ProcessPid</c>).</param>
    /// <param name="jsonName">The JSON member (<c>process_pid</c>).</param>
    /// <param name="path">The JSON path of the value in the response (<c>$.results[3].process_pid</c>).</param>
    /// <param name="innerException">The reader's error.</param>
    public CbJsonException(string message, string modelName, string propertyName, string jsonName, string path, Exception? innerException)
        : base(message, path, lineNumber: null, bytePositionInLine: null, innerException)
    {
        ModelName = modelName;
        PropertyName = propertyName;
        JsonName = jsonName;
    }

    /// <summary>The generated type whose field is at fault, when one is.</summary>
    public string? ModelName { get; }

    /// <summary>The C# property whose value is at fault, when one is.</summary>
    public string? PropertyName { get; }

    /// <summary>The JSON member whose value is at fault, when one is.</summary>
    public string? JsonName { get; }
}
