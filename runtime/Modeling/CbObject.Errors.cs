using System.ComponentModel;
using CbTyped.Modeling.Json;

namespace CbTyped.Modeling;

// Errors for a field whose JSON value cannot be read as the field's type: they name the type, the property, the
// JSON member and the member's path in the response, and describe the value by its JSON type only (a value may be
// secret, so it is never quoted).
public abstract partial class CbObject
{
    // Where this object sits in the response it was read from: -1 for the document's root, else its row index in a
    // page ("$.results[3]" or, for a bare array, "$[3]"). Two small fields rather than a string: pages have many rows.
    private int _rowIndex = -1;
    private bool _rowInResults;

    // The JSON path of this object in the response it was read from ("$", "$.results[3]", "$[3]").
    private string DocumentPath => _rowIndex < 0
        ? "$"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"${(_rowInResults ? ".results" : "")}[{_rowIndex}]");

    /// <summary>Records that this object is row <paramref name="index"/> of a page (after <see cref="LoadJson(System.ReadOnlyMemory{byte}, ref CbJsonScanner)"/>).</summary>
    internal void SetRowPosition(int index, bool inResults)
    {
        _rowIndex = index;
        _rowInResults = inResults;
    }

    /// <summary>
    /// The error generated properties throw when the field's value cannot be read (<paramref name="error"/> is the
    /// reader's): it names the type, the property, the JSON member and its path, and the value's JSON type.
    /// </summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected CbJsonException FieldReadError(int index, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        CbFieldInfo field = TypeDescription.Fields[index];
        string path = DocumentPath + MemberPath(field.JsonName);
        CbJsonKind kind = CbFieldSlot.Kind(FieldSlots[index]);
        string found = kind is CbJsonKind.None or CbJsonKind.Null ? "no value" : CbValueReader.DescribeKind(kind);
        // The reader's own messages hold only JSON structure; any other exception's message might quote the value.
        string problem = error is CbJsonException ? error.Message : "The value cannot be read as " + field.Type + " (" + error.GetType().Name + ").";
        string message = $"{TypeDescription.Name}.{field.PropertyName} (JSON \"{field.JsonName}\" at {path}, {found}): {problem}";
        // Only the reader's error is kept as the inner exception: another one's message (and so ToString) might quote the value.
        return new CbJsonException(message, TypeDescription.Name, field.PropertyName, field.JsonName, path, error as CbJsonException);
    }

    /// <summary>
    /// Reads field <paramref name="index"/> with <paramref name="read"/> (a full reader of <see cref="CbValueReader"/>),
    /// turning its error into <see cref="FieldReadError"/>'s: the path generated properties take when the value is not
    /// in its plain shape (<c>CbValueReader.TryReadPlain…</c>), so that the common path needs no exception frame.
    /// </summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected T ReadFieldChecked<T>(int index, CbSpanDecoder<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            return read(GetRawToken(index, out CbJsonKind kind), kind);
        }
        catch (Exception e) when (e is CbJsonException or FormatException or OverflowException)
        {
            throw FieldReadError(index, e);
        }
    }

    // ".name" for plain names, "['name']" otherwise (JSONPath's bracket form).
    private static string MemberPath(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return "['" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']";
            }
        }

        return "." + name;
    }
}
