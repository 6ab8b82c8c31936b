using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// Typed properties of a model or nested type: each decodes its value from the raw document on first use and
    /// caches it; its setter records whether the new value differs from the document's (dirty tracking, so setting
    /// a value back makes the field clean) and calls the <c>On{Property}Changed</c> partial hook.
    /// </summary>
    internal static class PropertyEmitter
    {
        public static void WriteMembers(CodeWriter w, IReadOnlyList<FieldSpec> fields, TypeNames names)
        {
            for (int i = 0; i < fields.Count; i++)
            {
                if (IsUncached(fields[i]))
                {
                    continue; // value types decode on every read; only a set value is stored (in the base)
                }

                // Non-nullable reference properties are filled on first read; "= default!" keeps the constructor warning-free.
                bool needsInit = !fields[i].Nullable && (!fields[i].Type.IsValueType);
                w.Line("private " + FieldCodec.PropertyType(fields[i], names) + " " + CSharp.BackingField(fields[i].PropertyName) + (needsInit ? " = default!;" : ";"));
            }
            if (fields.Count > 0)
            {
                w.Line();
            }

            for (int i = 0; i < fields.Count; i++)
            {
                WriteProperty(w, fields[i], i, names);
                w.Line();
            }

            for (int i = 0; i < fields.Count; i++)
            {
                FieldSpec field = fields[i];
                w.Line("/// <summary>Called after <see cref=\"" + field.PropertyName + "\"/> was set.</summary>");
                w.Line("partial void On", field.PropertyName, "Changed(", FieldCodec.PropertyType(field, names), " value);");
                w.Line();
            }

            for (int i = 0; i < fields.Count; i++)
            {
                WriteReadMethod(w, fields[i], i, names);
            }
        }

        /// <summary>
        /// Value-type fields (numbers, booleans, timestamps, enums, GUIDs) are not cached: decoding one from its raw
        /// bytes takes nanoseconds and allocates nothing, and leaving out their backing fields keeps a row object
        /// smaller than an equivalent System.Text.Json POCO. Strings, lists, maps and objects decode once and cache.
        /// </summary>
        private static bool IsUncached(FieldSpec field) => field.Type.IsValueType;

        private static void WriteProperty(CodeWriter w, FieldSpec field, int index, TypeNames names)
        {
            string type = FieldCodec.PropertyType(field, names);
            string backing = CSharp.BackingField(field.PropertyName);
            string i = CSharp.Int(index);
            CSharp.Summary(w, field.Doc is null ? "The <c>" + CSharp.Xml(field.JsonName) + "</c> field." : CSharp.Xml(field.Doc));
            CSharp.Remarks(w, Remarks(field));
            if (IsUncached(field))
            {
                w.Open("public " + type + " " + field.PropertyName);
                w.Line("get => IsLoaded(" + i + ") ? GetAssigned<", type, ">(" + i + ") : __Read", field.PropertyName, "();");
                w.Open(field.ReadOnly ? "private set" : "set");
                w.Line("SetAssigned(", i, ", value);");
                w.Line("MarkAssigned(" + i + ", !(", FieldCodec.AreEqual(field, names, "value", "__Read" + field.PropertyName + "()"), "), ",
                    FieldCodec.IsNull(field, "value"), ");");
                w.Line("On", field.PropertyName, "Changed(value);");
                w.Close();
                w.Close();
                return;
            }

            w.Open("public " + type + " " + field.PropertyName);
            w.Open("get");
            w.Open("if (!IsLoaded(" + i + "))");
            w.Line(backing, " = __Read", field.PropertyName, "();");
            w.Line("MarkLoaded(", i, ");");
            w.Close();
            w.Line();
            w.Line("return ", backing, ";");
            w.Close();
            w.Open(field.ReadOnly ? "private set" : "set");
            w.Line(backing, " = value;");
            w.Line("MarkAssigned(" + i + ", !(", FieldCodec.AreEqual(field, names, "value", "__Read" + field.PropertyName + "()"), "), ",
                FieldCodec.IsNull(field, "value"), ");");
            w.Line("On", field.PropertyName, "Changed(value);");
            w.Close();
            w.Close();
        }

        private static string Remarks(FieldSpec field)
        {
            string text = "JSON field <c>" + CSharp.Xml(field.JsonName) + "</c> (" + CSharp.Xml(field.Type.Text) + ")";
            if (field.SearchName is not null)
            {
                text += "; query field <c>" + CSharp.Xml(field.SearchName) + "</c>";
            }
            if (field.Sortable)
            {
                text += "; sortable";
            }
            if (field.Facet)
            {
                text += "; facet";
            }
            if (field.ReadOnly)
            {
                text += "; read-only (set by the server)";
            }
            if (field.RequiredOnCreate)
            {
                text += "; required on create";
            }
            return text + ".";
        }

        private static void WriteReadMethod(CodeWriter w, FieldSpec field, int index, TypeNames names)
        {
            string type = FieldCodec.PropertyType(field, names);
            string? plain = FieldCodec.ReadPlain(field, names, CSharp.Int(index));
            if (plain is not null)
            {
                // The plain shape needs no exception frame; anything else goes through the checked reader.
                w.Line("private " + type + " __Read" + field.PropertyName + "() =>");
                w.Line("    " + plain + ";");
                return;
            }

            bool memory = FieldCodec.NeedsMemory(field.Type);
            // A span token comes straight from the type's own slot array (no virtual call per read).
            string token = memory ? "GetRawTokenMemory(" + CSharp.Int(index) + ", out var kind)" : "GetRawTokenAt(__slots[" + CSharp.Int(index) + "], out var kind)";
            // A value of the wrong JSON type throws an error naming the model, the field and its JSON path.
            w.Open("private " + type + " __Read" + field.PropertyName + "()");
            w.Open("try");
            w.Line("return ", FieldCodec.Read(field, names, token, "kind"), ";");
            w.Close();
            w.Open("catch (global::System.Exception e) when (e is global::CbTyped.Modeling.Json.CbJsonException or global::System.FormatException or global::System.OverflowException)");
            w.Line("throw FieldReadError(", CSharp.Int(index), ", e);");
            w.Close();
            w.Close();
        }
    }
}
