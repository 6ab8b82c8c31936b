using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>What every generated JSON object type describes about itself: its name and field table.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public class CbTypeInfo
{
    /// <summary>Describes a type.</summary>
    public CbTypeInfo(string name, IReadOnlyList<CbFieldInfo> fields)
    {
        Name = name;
        Fields = fields;
    }

    /// <summary>The C# type name (the spec's <c>model</c> or nested type name).</summary>
    public string Name { get; }

    /// <summary>The fields, in spec order; the index is the slot index generated code uses.</summary>
    public IReadOnlyList<CbFieldInfo> Fields { get; }

    /// <summary>The field with this JSON name, or null.</summary>
    public CbFieldInfo? FindField(string jsonName)
    {
        foreach (CbFieldInfo field in Fields)
        {
            if (field.JsonName == jsonName)
            {
                return field;
            }
        }

        return null;
    }
}
