using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>One field of a generated type, as its spec declares it. Its position in the table is its slot index.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbFieldInfo
{
    /// <summary>Describes a field.</summary>
    public CbFieldInfo(
        string jsonName,
        string propertyName,
        CbFieldType type,
        CbFieldShape shape = CbFieldShape.Single,
        string? clrTypeName = null,
        bool isNullable = true,
        bool isReadOnly = false,
        bool isRequiredOnCreate = false,
        bool isKey = false,
        bool isSentOnCreate = false,
        string? searchName = null,
        bool isSortable = false,
        bool isFacet = false,
        string? doc = null)
    {
        JsonName = jsonName;
        PropertyName = propertyName;
        Type = type;
        Shape = shape;
        ClrTypeName = clrTypeName;
        IsNullable = isNullable;
        IsReadOnly = isReadOnly;
        IsRequiredOnCreate = isRequiredOnCreate;
        IsKey = isKey;
        IsSentOnCreate = isSentOnCreate;
        SearchName = searchName;
        IsSortable = isSortable;
        IsFacet = isFacet;
        Doc = doc;
    }

    /// <summary>The member name in JSON (e.g. <c>computer_name</c>).</summary>
    public string JsonName { get; }

    /// <summary>The C# property name (e.g. <c>ComputerName</c>).</summary>
    public string PropertyName { get; }

    /// <summary>The value type.</summary>
    public CbFieldType Type { get; }

    /// <summary>Single, list or map.</summary>
    public CbFieldShape Shape { get; }

    /// <summary>The C# type name for <see cref="CbFieldType.Object"/>, <see cref="CbFieldType.Enum"/> and <see cref="CbFieldType.Clr"/>.</summary>
    public string? ClrTypeName { get; }

    /// <summary>True when the property may be null.</summary>
    public bool IsNullable { get; }

    /// <summary>True when the server owns the value (not sent on create).</summary>
    public bool IsReadOnly { get; }

    /// <summary>True when a create must set it (<see cref="CbModel.MissingRequiredFields"/>).</summary>
    public bool IsRequiredOnCreate { get; }

    /// <summary>True when the field is (part of) the model's key.</summary>
    public bool IsKey { get; }

    /// <summary>True when a key field is chosen by the client and sent on create.</summary>
    public bool IsSentOnCreate { get; }

    /// <summary>The query-language field name, when the field can be searched.</summary>
    public string? SearchName { get; }

    /// <summary>True when searches may sort by it.</summary>
    public bool IsSortable { get; }

    /// <summary>True when searches may facet on it.</summary>
    public bool IsFacet { get; }

    /// <summary>The spec's doc text.</summary>
    public string? Doc { get; }

    /// <inheritdoc />
    public override string ToString() => JsonName;
}
