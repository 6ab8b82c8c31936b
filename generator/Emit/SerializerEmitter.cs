using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// The JSON side of a model or nested type: the inline slot array the one-pass reader fills, the name lookup it
    /// calls for every member (a switch on the UTF-8 length, then a span compare against a <c>u8</c> literal), and
    /// the writer of changed fields. Unchanged and unknown members are copied by the runtime, byte for byte.
    /// </summary>
    internal static class SerializerEmitter
    {
        public static void WriteMembers(CodeWriter w, IReadOnlyList<FieldSpec> fields, TypeNames names)
        {
            WriteSlots(w, fields.Count);
            WriteNames(w, fields);
            WriteFindField(w, fields);
            WriteFindFieldAfter(w, fields);
            WriteWriteFieldValue(w, fields, names);
            WriteHasChangedChild(w, fields);
            WriteFormatField(w, fields, names);
        }

        private static void WriteSlots(CodeWriter w, int count)
        {
            // InlineArray needs a length of at least one; a type without fields still gets one unused slot.
            w.Line("[global::System.Runtime.CompilerServices.InlineArray(" + CSharp.Int(Math.Max(count, 1)) + ")]");
            w.Open("private struct __SlotArray");
            w.Line("private uint __element0;");
            w.Close();
            w.Line();
            w.Line("private __SlotArray __slots;");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("protected override global::System.Span<uint> FieldSlots => __slots;");
            w.Line();
        }

        private static void WriteNames(CodeWriter w, IReadOnlyList<FieldSpec> fields)
        {
            w.Line("private static readonly " + TypeNames.EncodedText + "[] __jsonNames =");
            w.Line("[");
            w.Indent();
            foreach (FieldSpec field in fields)
            {
                w.Line(TypeNames.EncodedText, ".Encode(", CSharp.Utf8Literal(field.JsonName), "),");
            }
            w.Unindent();
            w.Line("];");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("protected override " + TypeNames.EncodedText + " GetJsonName(int index) => __jsonNames[index];");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("protected override global::System.ReadOnlySpan<" + TypeNames.EncodedText + "> JsonNames => __jsonNames;");
            w.Line();
            // Declared after __jsonNames in the same file: static initialisers run in text order.
            w.Line("private static readonly " + TypeNames.MemberPatterns + " __memberPatterns = new(__jsonNames);");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("protected override " + TypeNames.MemberPatterns + "? MemberPatterns => __memberPatterns;");
            w.Line();
        }

        private static void WriteFindField(CodeWriter w, IReadOnlyList<FieldSpec> fields)
        {
            w.Line("/// <inheritdoc />");
            w.Open("protected override int FindField(global::System.ReadOnlySpan<byte> utf8JsonName)");
            var byLength = fields
                .Select((field, index) => (field.JsonName, Index: index, Length: Encoding.UTF8.GetByteCount(field.JsonName)))
                .GroupBy(entry => entry.Length)
                .OrderBy(group => group.Key)
                .ToList();
            if (byLength.Count > 0)
            {
                w.Open("switch (utf8JsonName.Length)");
                foreach (var group in byLength)
                {
                    w.Line("case ", CSharp.Int(group.Key), ":");
                    w.Indent();
                    foreach (var entry in group.OrderBy(e => e.JsonName, StringComparer.Ordinal))
                    {
                        w.Line("if (global::System.MemoryExtensions.SequenceEqual(utf8JsonName, ", CSharp.Utf8Literal(entry.JsonName), "))").Open("");
                        w.Line("return ", CSharp.Int(entry.Index), ";");
                        w.Close();
                        w.Line();
                    }
                    w.Line("break;");
                    w.Unindent();
                }
                w.Close();
                w.Line();
            }
            w.Line("return -1;");
            w.Close();
            w.Line();
        }

        /// <summary>
        /// The reader's fast path: Cb sends a type's members in a stable order, so the member after field <c>i</c> is
        /// usually field <c>i + 1</c> of the spec; one compare against that name (a jump table on
        /// <c>previous</c>) replaces the length switch and its candidates for most members.
        /// </summary>
        private static void WriteFindFieldAfter(CodeWriter w, IReadOnlyList<FieldSpec> fields)
        {
            if (fields.Count < 2)
            {
                return;
            }

            w.Line("/// <inheritdoc />");
            w.Open("protected override int FindFieldAfter(global::System.ReadOnlySpan<byte> utf8JsonName, int previous)");
            w.Open("switch (previous)");
            for (int i = -1; i < fields.Count - 1; i++)
            {
                w.Line("case ", CSharp.Int(i), ":");
                w.Indent();
                w.Line("if (global::System.MemoryExtensions.SequenceEqual(utf8JsonName, ", CSharp.Utf8Literal(fields[i + 1].JsonName), "))").Open("");
                w.Line("return ", CSharp.Int(i + 1), ";");
                w.Close();
                w.Line();
                w.Line("break;");
                w.Unindent();
            }
            w.Close();
            w.Line();
            w.Line("return FindField(utf8JsonName);");
            w.Close();
            w.Line();
        }

        private static void WriteWriteFieldValue(CodeWriter w, IReadOnlyList<FieldSpec> fields, TypeNames names)
        {
            w.Line("/// <inheritdoc />");
            w.Open("protected override void WriteFieldValue(" + TypeNames.JsonWriter + " writer, int index, " + TypeNames.Modeling + "CbWriteMode mode)");
            if (fields.Count > 0)
            {
                w.Open("switch (index)");
                for (int i = 0; i < fields.Count; i++)
                {
                    FieldSpec field = fields[i];
                    w.Line("case ", CSharp.Int(i), ":");
                    w.Open("");
                    w.Line(FieldCodec.Write(field, names, "__jsonNames[" + CSharp.Int(i) + "]", field.PropertyName, i));
                    w.Line("break;");
                    w.Close();
                }
                w.Close();
            }
            w.Close();
            w.Line();
        }

        private static void WriteHasChangedChild(CodeWriter w, IReadOnlyList<FieldSpec> fields)
        {
            var nested = new List<(FieldSpec Field, int Index)>();
            for (int i = 0; i < fields.Count; i++)
            {
                FieldTypeSpec type = fields[i].Type;
                bool holdsObjects = type.Kind == FieldKind.Nested
                    || ((type.Kind == FieldKind.List || type.Kind == FieldKind.Map) && type.Element!.Kind == FieldKind.Nested);
                if (holdsObjects)
                {
                    nested.Add((fields[i], i));
                }
            }
            if (nested.Count == 0)
            {
                return;
            }

            w.Line("/// <inheritdoc />");
            w.Open("protected override bool HasChangedChild(int index)");
            w.Open("switch (index)");
            foreach (var (field, index) in nested)
            {
                string backing = CSharp.BackingField(field.PropertyName);
                string test = field.Type.Kind switch
                {
                    FieldKind.Nested => backing + " is { IsDirty: true }",
                    FieldKind.List => TypeNames.Modeling + "CbEquality.AnyDirty(" + backing + ")",
                    _ => TypeNames.Modeling + "CbEquality.AnyDirty(" + backing + "?.Values)",
                };
                w.Line("case " + CSharp.Int(index) + ":");
                w.Indent();
                w.Line("return IsLoaded(" + CSharp.Int(index) + ") && " + test + ";");
                w.Unindent();
            }
            w.Line("default:");
            w.Indent();
            w.Line("return false;");
            w.Unindent();
            w.Close();
            w.Close();
            w.Line();
        }

        private static void WriteFormatField(CodeWriter w, IReadOnlyList<FieldSpec> fields, TypeNames names)
        {
            w.Line("/// <inheritdoc />");
            w.Open("protected override string? FormatField(int index)");
            w.Open("switch (index)");
            for (int i = 0; i < fields.Count; i++)
            {
                FieldSpec field = fields[i];
                if (!FieldCodec.IsScalar(field.Type))
                {
                    continue;
                }
                w.Line("case ", CSharp.Int(i), ":");
                w.Open("");
                w.Line("return ", FieldCodec.Format(field, names, field.PropertyName), ";");
                w.Close();
            }
            w.Line("default:");
            w.Indent();
            w.Line("return null;");
            w.Unindent();
            w.Close();
            w.Close();
        }
    }
}
