using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// A nested object type (<c>types:</c> in the spec) as a partial class inside the model
    /// (<c>Sensor.NetworkInterface</c>): the same lazy properties, dirty tracking and unknown-field preservation as a model.
    /// </summary>
    internal static class NestedTypeEmitter
    {
        public static string Emit(ModelSpec model, NestedTypeSpec nested, TypeNames names)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            string type = names.Nested(nested.Name);
            w.Open("namespace " + model.Namespace);
            w.Open("partial class " + model.Name);
            CSharp.Summary(w, nested.Doc is null ? "The " + CSharp.Xml(nested.Name) + " object of <see cref=\"" + model.Name + "\"/>." : CSharp.Xml(nested.Doc));
            w.Open("public partial class " + nested.Name + " : " + TypeNames.Modeling + "CbObject, " + TypeNames.Modeling + "ICbObject<" + type + ">");
            w.Line("/// <summary>The field table of <see cref=\"" + nested.Name + "\"/>.</summary>");
            w.Line("public static " + TypeNames.Modeling + "CbTypeInfo ObjectInfo { get; } = new(");
            w.Indent();
            w.Line(CSharp.Literal(model.Name + "." + nested.Name) + ",");
            ModelInfoEmitter.WriteFieldTable(w, nested.Fields, names, key: null);
            w.Line(");");
            w.Unindent();
            w.Line();
            w.Line("/// <summary>A new, empty instance.</summary>");
            w.Line("public static " + type + " CreateInstance() => new " + type + "();");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("protected override " + TypeNames.Modeling + "CbTypeInfo TypeDescription => ObjectInfo;");
            w.Line();
            ModelClassEmitter.WriteLoadedHook(w);
            PropertyEmitter.WriteMembers(w, nested.Fields, names);
            w.Line();
            SerializerEmitter.WriteMembers(w, nested.Fields, names);
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
