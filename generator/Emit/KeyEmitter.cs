using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// Keys in their spec type: a single <c>int</c>/<c>long</c>/<c>guid</c> key makes the model
    /// <c>ICbKeyedBy&lt;T&gt;</c> (so the runtime's <c>cb.GetAsync&lt;Sensor&gt;(1)</c> applies to it and to no other
    /// model), and a composite key of such parts and strings gets a generated <c>{Model}Key</c> struct.
    /// </summary>
    internal static class KeyEmitter
    {
        /// <summary>The <c>ICbKeyedBy&lt;T&gt;</c> interface the model implements, or null (string, composite or no key).</summary>
        public static string? KeyedByInterface(ModelSpec model)
        {
            if (model.Key.Fields.Count != 1 || Field(model, model.Key.Fields[0]) is not { } field)
            {
                return null;
            }
            return field.Type.Kind switch
            {
                FieldKind.Int => TypeNames.Modeling + "ICbKeyedBy<int>",
                FieldKind.Long => TypeNames.Modeling + "ICbKeyedBy<long>",
                FieldKind.Guid => TypeNames.Modeling + "ICbKeyedBy<global::System.Guid>",
                _ => null,
            };
        }

        /// <summary>The key struct's parts, or null when the model has no composite key whose parts all have a key type.</summary>
        public static IReadOnlyList<FieldSpec>? CompositeParts(ModelSpec model)
        {
            if (model.Key.Fields.Count < 2)
            {
                return null;
            }
            var parts = new List<FieldSpec>();
            foreach (string name in model.Key.Fields)
            {
                if (Field(model, name) is not { } field || PartType(field) is null)
                {
                    return null;
                }
                parts.Add(field);
            }
            return parts;
        }

        /// <summary>The name of the generated key struct: <c>{Model}Key</c>.</summary>
        public static string StructName(ModelSpec model) => model.Name + "Key";

        /// <summary>The <c>{Model}Key</c> struct: one property per key field, the key string joined with <c>/</c>.</summary>
        public static string EmitStruct(ModelSpec model, IReadOnlyList<FieldSpec> parts)
        {
            string name = StructName(model);
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            CSharp.Summary(w, "The composite key of <see cref=\"" + CSharp.Xml(model.Name) + "\"/>, typed part by part: <c>cb.GetAsync(new "
                + CSharp.Xml(name) + "(...))</c>. Its key string joins the parts with <c>/</c>.");
            var parameters = new List<string>();
            foreach (FieldSpec part in parts)
            {
                w.Line("/// <param name=\"" + part.PropertyName + "\">The key field <c>" + CSharp.XmlInline(part.JsonName) + "</c>.</param>");
                parameters.Add(PartType(part) + " " + part.PropertyName);
            }
            w.Open("public readonly record struct " + name + "(" + string.Join(", ", parameters) + ") : "
                + TypeNames.Modeling + "ICbCompositeKey<" + model.FullTypeName + ">");
            w.Line("/// <inheritdoc />");
            var texts = new List<string>();
            foreach (FieldSpec part in parts)
            {
                texts.Add(PartText(part));
            }
            w.Line("public string KeyText => " + string.Join(" + \"/\" + ", texts) + ";");
            w.Line();
            w.Line("/// <summary>The key string (<see cref=\"KeyText\"/>).</summary>");
            w.Line("public override string ToString() => KeyText;");
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static FieldSpec? Field(ModelSpec model, string jsonName)
        {
            foreach (FieldSpec field in model.Fields)
            {
                if (field.JsonName == jsonName)
                {
                    return field;
                }
            }
            return null;
        }

        private static string? PartType(FieldSpec field) => field.Type.Kind switch
        {
            FieldKind.String => "string",
            FieldKind.Int => "int",
            FieldKind.Long => "long",
            FieldKind.Guid => "global::System.Guid",
            _ => null,
        };

        private static string PartText(FieldSpec field) => field.Type.Kind switch
        {
            FieldKind.String => "(" + field.PropertyName + " ?? throw new global::System.InvalidOperationException("
                + CSharp.Literal("The key part " + field.JsonName + " is null.") + "))",
            FieldKind.Guid => field.PropertyName + ".ToString(\"D\")",
            _ => field.PropertyName + ".ToString(" + TypeNames.Invariant + ")",
        };
    }
}
