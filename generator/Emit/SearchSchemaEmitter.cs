using System.Collections.Generic;
using System.Linq;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// <c>[CbSearchSchema(...)]</c> on a search model: its query fields and their value kinds, for the query analyzer
    /// (analyzer/CbTyped.Analyzers), which reads it from the compilation — the same way for a consumer's own models
    /// and for the built-in ones in a referenced assembly.
    /// </summary>
    internal static class SearchSchemaEmitter
    {
        public static string Emit(ModelSpec model)
        {
            var searchable = new List<string>();
            foreach (FieldSpec field in model.Fields.Where(f => f.SearchName is not null))
            {
                searchable.Add(Entry(field.SearchName!, KindCode(FieldCodec.Innermost(field.Type).Kind), field.Sortable, field.Facet, field.PropertyName));
            }
            foreach (SearchFieldSpec field in model.SearchFields)
            {
                searchable.Add(Entry(field.QueryName, KindCode(field.Kind), field.Sortable, field.Facet, field.PropertyName));
            }
            searchable.Sort(System.StringComparer.Ordinal);
            // A field the server does not search may still be sortable (severity_score of ThreatReport).
            var hidden = model.Fields.Where(f => f.SearchName is null)
                .Select(f => f.Sortable ? f.JsonName + ":s" : f.JsonName)
                .OrderBy(n => n, System.StringComparer.Ordinal);

            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            w.Line("[" + TypeNames.Modeling + "CbSearchSchema(");
            w.Line("    new string[] { " + string.Join(", ", searchable.Select(CSharp.Literal)) + " },");
            w.Line("    new string[] { " + string.Join(", ", hidden.Select(CSharp.Literal)) + " })]");
            w.Open("partial class " + model.Name);
            w.Close();
            w.Close();
            return w.ToString();
        }

        // name:kind:flags:Property; the analyzer's raw-to-typed fix writes Model.Fields.Property.
        private static string Entry(string name, char kind, bool sortable, bool facet, string property) =>
            name + ":" + kind + ":" + (sortable ? "s" : string.Empty) + (facet ? "f" : string.Empty) + ":" + property;

        private static char KindCode(SearchFieldKind kind)
        {
            switch (kind)
            {
                case SearchFieldKind.Number:
                    return 'n';
                case SearchFieldKind.Date:
                    return 'd';
                case SearchFieldKind.Bool:
                    return 'b';
                case SearchFieldKind.Ip:
                    return 'i';
                default:
                    return 't';
            }
        }

        private static char KindCode(FieldKind kind)
        {
            switch (kind)
            {
                case FieldKind.Int:
                case FieldKind.Long:
                case FieldKind.Double:
                    return 'n';
                case FieldKind.DateTime:
                    return 'd';
                case FieldKind.Bool:
                    return 'b';
                default:
                    return 't';
            }
        }
    }
}
