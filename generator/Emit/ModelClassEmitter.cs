using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>The model's main file: the partial class declaration, its XML docs, the <c>OnLoaded</c> hook and the typed properties.</summary>
    internal static class ModelClassEmitter
    {
        public static string Emit(ModelSpec model, TypeNames names)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            CSharp.Summary(w, model.Doc is null ? "The " + CSharp.Xml(model.Name) + " model." : CSharp.Xml(model.Doc));
            CSharp.Remarks(w, "Generated from <c>" + CSharp.Xml(model.SpecFileName) + "</c>. Query fields: <see cref=\"Fields\"/>; routes and key: <see cref=\"ModelInfo\"/>.");
            string? keyedBy = KeyEmitter.KeyedByInterface(model);
            w.Open("public partial class " + model.Name + " : " + TypeNames.Modeling + "CbModel, " + TypeNames.Modeling + "ICbModel<" + names.ModelType + ">"
                + (keyedBy is null ? string.Empty : ", " + keyedBy));
            WriteLoadedHook(w);
            PropertyEmitter.WriteMembers(w, model.Fields, names);
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>The <c>OnLoaded</c> partial hook, called after every document load (get, refresh, page row).</summary>
        public static void WriteLoadedHook(CodeWriter w)
        {
            w.Line("/// <summary>Called after a JSON document was loaded into this instance.</summary>");
            w.Line("partial void OnLoaded();");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Open("protected override void OnDocumentLoaded()");
            w.Line("base.OnDocumentLoaded();");
            w.Line("OnLoaded();");
            w.Close();
            w.Line();
        }
    }
}
