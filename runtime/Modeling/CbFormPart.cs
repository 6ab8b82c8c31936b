using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>
/// For generated code: one part of a <c>multipart/form-data</c> body (a spec operation's <c>body: multipart</c>): a
/// text value, or a file read from the caller's stream, which stays open (an upload may be sent again).
/// </summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbFormPart
{
    private CbFormPart(string name, string? text, Stream? content, string? fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        TextValue = text;
        Content = content;
        FileName = fileName;
    }

    /// <summary>The form field's name.</summary>
    public string Name { get; }

    /// <summary>The value of a text part; null for a file.</summary>
    public string? TextValue { get; }

    /// <summary>The bytes of a file part, read from the stream's current position; null for a text part.</summary>
    public Stream? Content { get; }

    /// <summary>The file name a file part is sent with; null for a text part.</summary>
    public string? FileName { get; }

    /// <summary>A text part.</summary>
    public static CbFormPart Text(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new CbFormPart(name, value, null, null);
    }

    /// <summary>A file part (<c>application/octet-stream</c>) with the file name the server stores it under.</summary>
    public static CbFormPart File(string name, Stream content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return new CbFormPart(name, null, content, fileName);
    }
}
