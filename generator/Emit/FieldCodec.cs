using System;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// The C# snippets for one field type: its CLR type, how to decode it from a raw token, how to write it, how to
    /// compare it (dirty tracking) and how to turn it into text (keys, routes, query templates).
    /// </summary>
    internal static class FieldCodec
    {
        // ---- types -----------------------------------------------------------------------------------------------

        /// <summary>The property's C# type (with <c>?</c> when nullable).</summary>
        public static string PropertyType(FieldSpec field, TypeNames names) =>
            field.Nullable ? ElementType(field.Type, names) + "?" : ElementType(field.Type, names);

        /// <summary>The C# type of a value of this type, without nullability (list elements are never null).</summary>
        public static string ElementType(FieldTypeSpec type, TypeNames names)
        {
            switch (type.Kind)
            {
                case FieldKind.String: return "string";
                case FieldKind.Int: return "int";
                case FieldKind.Long: return "long";
                case FieldKind.Double: return "double";
                case FieldKind.Bool: return "bool";
                case FieldKind.DateTime: return "global::System.DateTimeOffset";
                case FieldKind.Guid: return "global::System.Guid";
                case FieldKind.Enum: return names.Enum(type.EnumTypeName!);
                case FieldKind.Nested: return names.Nested(type.NestedTypeName!);
                case FieldKind.Clr: return type.ClrTypeName!;
                case FieldKind.Json: return TypeNames.JsonElement;
                case FieldKind.List: return TypeNames.ListType + "<" + ElementType(type.Element!, names) + ">";
                case FieldKind.Map: return TypeNames.MapType + "<string, " + ElementType(type.Element!, names) + ">";
                default: throw new InvalidOperationException("Unknown field kind " + type.Kind);
            }
        }

        /// <summary>True when the raw token must be read as memory (the value keeps a slice of the document).</summary>
        public static bool NeedsMemory(FieldTypeSpec type) =>
            type.Kind is FieldKind.Nested or FieldKind.List or FieldKind.Map;

        // ---- reading ---------------------------------------------------------------------------------------------

        /// <summary>
        /// An expression decoding the field from <c>token</c> (a span, or memory when <see cref="NeedsMemory"/>) and
        /// <c>kind</c>, of the property's type (non-nullable properties get their type's empty value).
        /// </summary>
        public static string Read(FieldSpec field, TypeNames names, string token, string kind)
        {
            string nullable = ReadNullable(field.Type, names, token, kind);
            return field.Nullable ? nullable : "(" + nullable + ") ?? " + EmptyValue(field.Type, names);
        }

        /// <summary>
        /// For the field types with a plain shape (strings, integers, booleans, timestamps): an expression reading
        /// field <paramref name="index"/> through <c>CbValueReader.TryReadPlain…</c> and, when the value is not in that
        /// shape, through <c>ReadFieldChecked</c> (the full reader, its errors naming the field). Null for other types.
        /// </summary>
        public static string? ReadPlain(FieldSpec field, TypeNames names, string index)
        {
            string token = "GetRawTokenAt(__slots[" + index + "], out var kind), kind";
            string attempt;
            string full;
            switch (field.Type.Kind)
            {
                case FieldKind.String:
                    attempt = "TryReadPlainString(" + token + ", out string? __value)";
                    full = "ReadString";
                    break;
                case FieldKind.Int:
                    attempt = "TryReadPlainInt32(" + token + ", out int? __value)";
                    full = "ReadInt32";
                    break;
                case FieldKind.Long:
                    attempt = "TryReadPlainInt64(" + token + ", out long? __value)";
                    full = "ReadInt64";
                    break;
                case FieldKind.Bool:
                    attempt = "TryReadPlainBoolean(" + TypeNames.Json + "CbFieldSlot.Kind(__slots[" + index + "]), out bool? __value)";
                    full = "ReadBoolean";
                    break;
                case FieldKind.DateTime:
                    attempt = "TryReadPlainDateTime(" + token + ", out global::System.DateTimeOffset? __value)";
                    full = "ReadDateTime";
                    break;
                default:
                    return null;
            }

            string nullableType = ElementType(field.Type, names) + "?";
            string nullable = TypeNames.Reader + attempt + " ? __value : ReadFieldChecked<" + nullableType + ">(" + index + ", " + TypeNames.Reader + full + ")";
            return field.Nullable ? nullable : "(" + nullable + ") ?? " + EmptyValue(field.Type, names);
        }

        /// <summary>An expression of type <c>T?</c> decoding the token.</summary>
        private static string ReadNullable(FieldTypeSpec type, TypeNames names, string token, string kind)
        {
            switch (type.Kind)
            {
                case FieldKind.String: return TypeNames.Reader + "ReadString(" + token + ", " + kind + ")";
                case FieldKind.Int: return TypeNames.Reader + "ReadInt32(" + token + ", " + kind + ")";
                case FieldKind.Long: return TypeNames.Reader + "ReadInt64(" + token + ", " + kind + ")";
                case FieldKind.Double: return TypeNames.Reader + "ReadDouble(" + token + ", " + kind + ")";
                case FieldKind.Bool: return TypeNames.Reader + "ReadBoolean(" + token + ", " + kind + ")";
                case FieldKind.DateTime: return TypeNames.Reader + "ReadDateTime(" + token + ", " + kind + ")";
                case FieldKind.Guid: return TypeNames.Reader + "ReadGuid(" + token + ", " + kind + ")";
                case FieldKind.Enum:
                    return TypeNames.Reader + "ReadEnum(" + token + ", " + kind + ", " + names.EnumJson(type.EnumTypeName!) + ".Parse)";
                case FieldKind.Nested:
                    return TypeNames.Reader + "ReadObject<" + names.Nested(type.NestedTypeName!) + ">(" + token + ", " + kind + ")";
                case FieldKind.Clr:
                    // An existing CLR type is read from its invariant text through its static Parse(string, IFormatProvider).
                    return TypeNames.Reader + "ReadString(" + token + ", " + kind + ") is { Length: > 0 } __text ? ("
                        + type.ClrTypeName + "?)" + type.ClrTypeName + ".Parse(__text, " + TypeNames.Invariant + ") : null";
                case FieldKind.Json: return TypeNames.Reader + "ReadJson(" + token + ", " + kind + ")";
                case FieldKind.List:
                    return TypeNames.Reader + "ReadList(" + token + ", " + kind + ", " + ElementDecoder(type.Element!, names) + ")";
                case FieldKind.Map:
                    return TypeNames.Reader + "ReadMap(" + token + ", " + kind + ", " + ElementDecoder(type.Element!, names) + ")";
                default: throw new InvalidOperationException("Unknown field kind " + type.Kind);
            }
        }

        /// <summary>A static lambda decoding one list element or map value from <c>(memory, kind)</c>; nulls become the type's empty value.</summary>
        private static string ElementDecoder(FieldTypeSpec element, TypeNames names)
        {
            string token = NeedsMemory(element) ? "m" : "m.Span";
            string read = ReadNullable(element, names, token, "k");
            string body = element.Kind == FieldKind.Nested
                ? "(" + read + ")!"
                : "(" + read + ") ?? " + EmptyValue(element, names);
            return "static (m, k) => " + body;
        }

        /// <summary>The value a non-nullable property has when the document has none.</summary>
        public static string EmptyValue(FieldTypeSpec type, TypeNames names)
        {
            switch (type.Kind)
            {
                case FieldKind.String: return "\"\"";
                case FieldKind.List: return "global::System.Array.Empty<" + ElementType(type.Element!, names) + ">()";
                case FieldKind.Map:
                    return "new global::System.Collections.Generic.Dictionary<string, " + ElementType(type.Element!, names) + ">()";
                case FieldKind.Nested: return names.Nested(type.NestedTypeName!) + ".CreateInstance()";
                default: return "default!";
            }
        }

        // ---- writing ---------------------------------------------------------------------------------------------

        /// <summary>
        /// A statement writing the field (name and value). <paramref name="value"/> is the current value,
        /// <paramref name="index"/> the slot (for the shape the server used).
        /// </summary>
        public static string Write(FieldSpec field, TypeNames names, string name, string value, int index)
        {
            string i = CSharp.Int(index);
            switch (field.Type.Kind)
            {
                case FieldKind.String: return TypeNames.Writer + "WriteString(writer, " + name + ", " + value + ");";
                case FieldKind.Int:
                case FieldKind.Long: return TypeNames.Writer + "WriteInt64(writer, " + name + ", " + value + ", GetRawKind(" + i + "));";
                case FieldKind.Double: return TypeNames.Writer + "WriteDouble(writer, " + name + ", " + value + ", GetRawKind(" + i + "));";
                case FieldKind.Bool: return TypeNames.Writer + "WriteBoolean(writer, " + name + ", " + value + ", GetRawKind(" + i + "));";
                case FieldKind.DateTime:
                    return TypeNames.Writer + "WriteDateTime(writer, " + name + ", " + value + ", GetRawToken(" + i + ", out var __kind), __kind, "
                        + DateFormat(field.DateFormat) + ");";
                case FieldKind.Guid: return TypeNames.Writer + "WriteGuid(writer, " + name + ", " + value + ");";
                case FieldKind.Enum:
                    return TypeNames.Writer + "WriteEnum(writer, " + name + ", " + EnumText(field, names, value) + ");";
                case FieldKind.Nested: return TypeNames.Writer + "WriteObject(writer, " + name + ", " + value + ", mode);";
                case FieldKind.Clr: return TypeNames.Writer + "WriteClr(writer, " + name + ", " + value + ");";
                case FieldKind.Json: return TypeNames.Writer + "WriteJson(writer, " + name + ", " + value + ");";
                case FieldKind.List:
                    return TypeNames.Writer + "WriteList(writer, " + name + ", " + value + ", " + ElementWriter(field.Type.Element!, field, names) + ");";
                case FieldKind.Map:
                    return TypeNames.Writer + "WriteMap(writer, " + name + ", " + value + ", " + ElementWriter(field.Type.Element!, field, names) + ");";
                default: throw new InvalidOperationException("Unknown field kind " + field.Type.Kind);
            }
        }

        /// <summary>A static lambda <c>(w, e) =&gt; …</c> writing one element value.</summary>
        private static string ElementWriter(FieldTypeSpec element, FieldSpec field, TypeNames names) =>
            "static (w, e) => " + WriteValue(element, field, names, "e");

        private static string WriteValue(FieldTypeSpec type, FieldSpec field, TypeNames names, string value)
        {
            switch (type.Kind)
            {
                case FieldKind.String: return "w.WriteStringValue(" + value + ")";
                case FieldKind.Int:
                case FieldKind.Long:
                case FieldKind.Double: return "w.WriteNumberValue(" + value + ")";
                case FieldKind.Bool: return "w.WriteBooleanValue(" + value + ")";
                case FieldKind.Guid: return "w.WriteStringValue(" + value + ")";
                case FieldKind.DateTime:
                    return TypeNames.Writer + "WriteDateTimeValue(w, " + value + ", default, " + TypeNames.Json + "CbJsonKind.None, "
                        + DateFormat(field.DateFormat) + ")";
                case FieldKind.Enum:
                    return TypeNames.Writer + "WriteEnumValue(w, " + names.EnumJson(type.EnumTypeName!) + ".ToJson(" + value + "))";
                case FieldKind.Nested:
                    return TypeNames.Writer + "WriteObjectValue(w, " + value + ", " + TypeNames.Modeling + "CbWriteMode.Full)";
                case FieldKind.Clr: return TypeNames.Writer + "WriteClrValue(w, " + value + ")";
                case FieldKind.Json: return TypeNames.Writer + "WriteJsonValue(w, " + value + ")";
                case FieldKind.List:
                    return TypeNames.Writer + "WriteListValue(w, " + value + ", static (w, e) => " + WriteValue(type.Element!, field, names, "e") + ")";
                case FieldKind.Map:
                    return TypeNames.Writer + "WriteMapValue(w, " + value + ", static (w, e) => " + WriteValue(type.Element!, field, names, "e") + ")";
                default: throw new InvalidOperationException("Unknown field kind " + type.Kind);
            }
        }

        private static string EnumText(FieldSpec field, TypeNames names, string value)
        {
            string json = names.EnumJson(field.Type.EnumTypeName!);
            return field.Nullable ? value + " is { } __e ? " + json + ".ToJson(__e) : null" : json + ".ToJson(" + value + ")";
        }

        public static string DateFormat(DateFormat format) => TypeNames.Json + "CbDateFormat." + format;

        // ---- comparing and formatting ----------------------------------------------------------------------------

        /// <summary>An expression that is true when <paramref name="left"/> and <paramref name="right"/> hold the same value.</summary>
        public static string AreEqual(FieldSpec field, TypeNames names, string left, string right)
        {
            switch (field.Type.Kind)
            {
                case FieldKind.String:
                    return "string.Equals(" + left + ", " + right + ", global::System.StringComparison.Ordinal)";
                case FieldKind.List: return TypeNames.Modeling + "CbEquality.ListEquals(" + left + ", " + right + ")";
                case FieldKind.Map: return TypeNames.Modeling + "CbEquality.MapEquals(" + left + ", " + right + ")";
                case FieldKind.Nested: return "ReferenceEquals(" + left + ", " + right + ")";
                case FieldKind.Json: return TypeNames.Modeling + "CbEquality.JsonEquals(" + left + ", " + right + ")";
                default:
                    return "global::System.Collections.Generic.EqualityComparer<" + PropertyType(field, names) + ">.Default.Equals("
                        + left + ", " + right + ")";
            }
        }

        /// <summary>An expression true when the value is null (always false for non-nullable value types).</summary>
        /// <remarks>A non-nullable property is never null by contract; testing it would make the compiler's flow
        /// analysis treat the value as maybe-null afterwards.</remarks>
        public static string IsNull(FieldSpec field, string value) =>
            field.Nullable ? value + " is null" : "false";

        /// <summary>True when the field's value can be written as text (keys, routes, query templates).</summary>
        public static bool IsScalar(FieldTypeSpec type) =>
            type.Kind is not (FieldKind.List or FieldKind.Map or FieldKind.Nested or FieldKind.Json);

        /// <summary>
        /// An expression of type <c>string?</c>: the value as text for URLs and queries. <paramref name="variable"/> is the
        /// pattern variable a nullable value is bound to, unique per scope (a composite key formats several parts in one).
        /// </summary>
        public static string Format(FieldSpec field, TypeNames names, string value, string variable = "__v")
        {
            if (field.Type.Kind == FieldKind.String)
            {
                return value;
            }

            if (field.Type.Kind == FieldKind.Clr)
            {
                return "global::System.Convert.ToString(" + value + ", " + TypeNames.Invariant + ")";
            }

            bool nullable = field.Nullable;
            string v = nullable ? variable : value;
            string text;
            switch (field.Type.Kind)
            {
                case FieldKind.Int:
                case FieldKind.Long: text = v + ".ToString(" + TypeNames.Invariant + ")"; break;
                case FieldKind.Double: text = v + ".ToString(\"R\", " + TypeNames.Invariant + ")"; break;
                case FieldKind.Bool: text = "(" + v + " ? \"true\" : \"false\")"; break;
                case FieldKind.DateTime: text = TypeNames.Modeling + "CbQueryEscaper.FormatDateTime(" + v + ")"; break;
                case FieldKind.Guid: text = v + ".ToString(\"D\", " + TypeNames.Invariant + ")"; break;
                case FieldKind.Enum: text = names.EnumJson(field.Type.EnumTypeName!) + ".ToJson(" + v + ")"; break;
                default: return "null";
            }
            return nullable ? value + " is { } " + variable + " ? " + text + " : null" : text;
        }

        // ---- descriptors -----------------------------------------------------------------------------------------

        /// <summary>The runtime's <c>CbFieldType</c> member for the field (the element type for lists and maps).</summary>
        public static string RuntimeFieldType(FieldTypeSpec type)
        {
            while (type.Kind is FieldKind.List or FieldKind.Map)
            {
                type = type.Element!;
            }
            string member;
            switch (type.Kind)
            {
                case FieldKind.String: member = "String"; break;
                case FieldKind.Int: member = "Int32"; break;
                case FieldKind.Long: member = "Int64"; break;
                case FieldKind.Double: member = "Double"; break;
                case FieldKind.Bool: member = "Boolean"; break;
                case FieldKind.DateTime: member = "DateTime"; break;
                case FieldKind.Guid: member = "Guid"; break;
                case FieldKind.Enum: member = "Enum"; break;
                case FieldKind.Nested: member = "Object"; break;
                case FieldKind.Json: member = "Json"; break;
                default: member = "Clr"; break;
            }
            return TypeNames.Modeling + "CbFieldType." + member;
        }

        public static string RuntimeShape(FieldTypeSpec type) =>
            TypeNames.Modeling + "CbFieldShape." + (type.Kind == FieldKind.List ? "List" : type.Kind == FieldKind.Map ? "Map" : "Single");

        /// <summary>The innermost element type (for search-field kinds and descriptor type names).</summary>
        public static FieldTypeSpec Innermost(FieldTypeSpec type)
        {
            while (type.Kind is FieldKind.List or FieldKind.Map)
            {
                type = type.Element!;
            }
            return type;
        }
    }
}
