using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// Enums of a model (and its nested types): an <c>Unknown = 0</c> fallback member that any value the spec does not
    /// list reads as (the document keeps the server's text, so an unchanged field is written back as it came), and an
    /// <c>{Enum}Json</c> helper mapping UTF-8 text to members (exact match first, then ASCII case-insensitive) and back.
    /// </summary>
    internal static class EnumEmitter
    {
        private const string UnknownMember = "Unknown";

        /// <summary>Every enum type the model's fields (and nested types' fields) use, once each, ordinal by name.</summary>
        public static IReadOnlyList<FieldTypeSpec> CollectEnums(ModelSpec model)
        {
            var found = new SortedDictionary<string, FieldTypeSpec>(StringComparer.Ordinal);
            foreach (FieldSpec field in model.Fields.Concat(model.Types.SelectMany(t => t.Fields)))
            {
                FieldTypeSpec type = FieldCodec.Innermost(field.Type);
                if (type.Kind == FieldKind.Enum && !found.ContainsKey(type.EnumTypeName!))
                {
                    found.Add(type.EnumTypeName!, type);
                }
            }
            return found.Values.ToList();
        }

        public static string Emit(ModelSpec model, IReadOnlyList<FieldTypeSpec> enums)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            for (int i = 0; i < enums.Count; i++)
            {
                if (i > 0)
                {
                    w.Line();
                }
                WriteEnum(w, enums[i]);
                w.Line();
                WriteJsonHelper(w, enums[i]);
            }
            w.Close();
            return w.ToString();
        }

        private static void WriteEnum(CodeWriter w, FieldTypeSpec type)
        {
            CSharp.Summary(w, "Values of a Cb enum field; <see cref=\"" + UnknownMember + "\"/> stands for any value this spec does not list.");
            w.Open("public enum " + type.EnumTypeName);
            w.Line("/// <summary>A value the spec does not list (the server's text stays in the model's document).</summary>");
            w.Line(UnknownMember + " = 0,");
            int number = 1;
            foreach (EnumValueSpec value in type.EnumValues)
            {
                if (value.MemberName == UnknownMember)
                {
                    continue;
                }
                w.Line();
                w.Line("/// <summary>The JSON text <c>" + CSharp.XmlInline(value.WireValue) + "</c>.</summary>");
                w.Line(value.MemberName + " = " + CSharp.Int(number++) + ",");
            }
            w.Close();
        }

        private static void WriteJsonHelper(CodeWriter w, FieldTypeSpec type)
        {
            string enumType = type.EnumTypeName!;
            CSharp.Summary(w, "Maps <see cref=\"" + enumType + "\"/> to and from its JSON text.");
            w.Open("internal static class " + enumType + "Json");
            w.Line("/// <summary>The member for UTF-8 JSON text; <see cref=\"" + enumType + "." + UnknownMember + "\"/> when no value matches.</summary>");
            w.Open("public static " + enumType + " Parse(global::System.ReadOnlySpan<byte> utf8)");
            var byLength = type.EnumValues
                .GroupBy(v => Encoding.UTF8.GetByteCount(v.WireValue))
                .OrderBy(g => g.Key)
                .ToList();
            w.Open("switch (utf8.Length)");
            foreach (var group in byLength)
            {
                w.Line("case " + CSharp.Int(group.Key) + ":");
                w.Indent();
                foreach (EnumValueSpec value in group.OrderBy(v => v.WireValue, StringComparer.Ordinal))
                {
                    w.Open("if (global::System.MemoryExtensions.SequenceEqual(utf8, " + CSharp.Utf8Literal(value.WireValue) + "))");
                    w.Line("return " + enumType + "." + value.MemberName + ";");
                    w.Close();
                    w.Line();
                }
                w.Line("break;");
                w.Unindent();
            }
            w.Close();
            w.Line();
            w.Line("// Servers are not always consistent about case (\"online\" vs \"Online\"): accept any ASCII case.");
            foreach (EnumValueSpec value in type.EnumValues)
            {
                w.Open("if (global::System.Text.Ascii.EqualsIgnoreCase(utf8, " + CSharp.Utf8Literal(value.WireValue) + "))");
                w.Line("return " + enumType + "." + value.MemberName + ";");
                w.Close();
                w.Line();
            }
            w.Line("return " + enumType + "." + UnknownMember + ";");
            w.Close();
            w.Line();
            w.Line("/// <summary>The JSON text of a member, or null for <see cref=\"" + enumType + "." + UnknownMember + "\"/> when the spec has no such value.</summary>");
            w.Open("public static string? ToJson(" + enumType + " value)");
            w.Open("switch (value)");
            foreach (EnumValueSpec value in type.EnumValues)
            {
                w.Line("case " + enumType + "." + value.MemberName + ":");
                w.Indent();
                w.Line("return " + CSharp.Literal(value.WireValue) + ";");
                w.Unindent();
            }
            w.Line("default:");
            w.Indent();
            w.Line("return null;");
            w.Unindent();
            w.Close();
            w.Close();
            w.Close();
        }
    }
}
