using System.Collections.Generic;
using System.Linq;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// <c>Model.Fields</c>: one typed query field per searchable field (<c>Process.Fields.ProcessName.Is("x")</c>) and
    /// per search-only field (<c>Process.Fields.Filemod.Like("*\\ntdll.dll")</c>), each building correctly escaped
    /// query text, plus sort text through <c>Ascending</c>/<c>Descending</c>.
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
            foreach (QueryField field in QueryFields(model).OrderBy(f => f.PropertyName, System.StringComparer.Ordinal))
            {
                if (!first)
                {
                    w.Line();
                }
                first = false;
                string extra = (field.Sortable ? " Sortable." : string.Empty) + (field.Facet ? " Facet." : string.Empty);
                w.Line("/// <summary>Query field <c>" + CSharp.XmlInline(field.QueryName) + "</c> (" + field.Source + ")." + extra + field.Doc + "</summary>");
                w.Line("public static " + TypeNames.Modeling + field.TypeName + " " + field.PropertyName + " { get; } = new(" + CSharp.Literal(field.QueryName) + ");");
            }
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>One member of <c>Fields</c>; <c>Source</c> is the XML text that says where it comes from.</summary>
        private sealed class QueryField
        {
            public QueryField(string queryName, string propertyName, string typeName, string source, bool sortable, bool facet, string doc)
            {
                Doc = doc;
                QueryName = queryName;
                PropertyName = propertyName;
                TypeName = typeName;
                Source = source;
                Sortable = sortable;
                Facet = facet;
            }

            public string QueryName { get; }
            public string PropertyName { get; }
            public string TypeName { get; }
            public string Source { get; }
            public bool Sortable { get; }
            public bool Facet { get; }
            public string Doc { get; }
        }

        private static IEnumerable<QueryField> QueryFields(ModelSpec model)
        {
            foreach (FieldSpec field in model.Fields.Where(f => f.SearchName is not null))
            {
                yield return new QueryField(field.SearchName!, field.PropertyName, SearchFieldType(FieldCodec.Innermost(field.Type).Kind),
                    "<see cref=\"" + model.Name + "." + field.PropertyName + "\"/>", field.Sortable, field.Facet, string.Empty);
            }
            foreach (SearchFieldSpec field in model.SearchFields)
            {
                // The doc goes on the one summary line: its line breaks become spaces.
                string doc = field.Doc is null
                    ? string.Empty
                    : " " + string.Join(" ", CSharp.Xml(field.Doc).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
                yield return new QueryField(field.QueryName, field.PropertyName, SearchFieldType(field.Kind), "search only, not a property", field.Sortable, field.Facet, doc);
            }
        }

        private static string SearchFieldType(SearchFieldKind kind)
        {
            switch (kind)
            {
                case SearchFieldKind.Number:
                    return "CbNumberSearchField";
                case SearchFieldKind.Date:
                    return "CbDateSearchField";
                case SearchFieldKind.Bool:
                    return "CbBoolSearchField";
                case SearchFieldKind.Ip:
                    return "CbIpSearchField";
                default:
                    return "CbStringSearchField";
            }
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
