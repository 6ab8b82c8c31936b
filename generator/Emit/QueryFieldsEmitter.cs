using System.Linq;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// <c>Model.Fields</c>: one typed query field per searchable field (<c>Process.Fields.ProcessName.Is("x")</c>),
    /// each building correctly escaped query text, plus sort text through <c>Ascending</c>/<c>Descending</c>.
    /// </summary>
    internal static class QueryFieldsEmitter
    {
        public static string Emit(ModelSpec model)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            w.Open("partial class " + model.Name);
            CSharp.Summary(w, "Typed query fields of <see cref=\"" + model.Name + "\"/>, for <c>Where(...)</c> and <c>Sort(...)</c>.");
            w.Open("public static class Fields");
            bool first = true;
            foreach (FieldSpec field in model.Fields.Where(f => f.SearchName is not null).OrderBy(f => f.PropertyName, System.StringComparer.Ordinal))
            {
                if (!first)
                {
                    w.Line();
                }
                first = false;
                string type = TypeNames.Modeling + SearchFieldType(FieldCodec.Innermost(field.Type).Kind);
                string extra = (field.Sortable ? " Sortable." : string.Empty) + (field.Facet ? " Facet." : string.Empty);
                w.Line("/// <summary>Query field <c>" + CSharp.Xml(field.SearchName!) + "</c> (<see cref=\"" + model.Name + "." + field.PropertyName
                    + "\"/>)." + extra + "</summary>");
                w.Line("public static " + type + " " + field.PropertyName + " { get; } = new(" + CSharp.Literal(field.SearchName) + ");");
            }
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static string SearchFieldType(FieldKind kind)
        {
            switch (kind)
            {
                case FieldKind.Int:
                case FieldKind.Long:
                case FieldKind.Double:
                    return "CbNumberSearchField";
                case FieldKind.DateTime:
                    return "CbDateSearchField";
                case FieldKind.Bool:
                    return "CbBoolSearchField";
                default:
                    return "CbStringSearchField";
            }
        }
    }
}
