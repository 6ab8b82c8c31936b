using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Parses <c>searchFields:</c>: query-language fields that are not in the document (Process's <c>md5</c>,
    /// <c>filemod</c>, <c>ipaddr</c>, …). Each becomes a typed query field in <c>Model.Fields</c> beside the document
    /// fields' ones, so its query name and C# name are checked against theirs.
    /// </summary>
    internal static class SearchFieldParser
    {
        private const string NameHint = "Write the query-language name: letters, digits and '_' (e.g. filemod, digsig_result_modload).";

        public static List<SearchFieldSpec> Parse(SpecMapping? mapping, IReadOnlyList<FieldSpec> documentFields, ParseContext context)
        {
            var result = new List<SearchFieldSpec>();
            if (mapping is null) return result;

            // What Model.Fields already holds: query names and C# names of the document's searchable fields.
            var documentQueryNames = new Dictionary<string, FieldSpec>(System.StringComparer.Ordinal);
            var claimed = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var field in documentFields)
            {
                if (field.SearchName is null) continue;
                if (!documentQueryNames.ContainsKey(field.SearchName)) documentQueryNames.Add(field.SearchName, field);
                if (!claimed.ContainsKey(field.PropertyName)) claimed.Add(field.PropertyName, "the query field of field '" + field.JsonName + "'");
            }

            foreach (var entry in mapping.Entries)
            {
                var field = ParseOne(entry.Key, entry.Value, context);
                if (field is null) continue;
                if (documentQueryNames.TryGetValue(field.QueryName, out var documentField))
                {
                    context.Report(DiagnosticDescriptors.DuplicateSearchField, entry.Key.Span, field.QueryName, documentField.JsonName, documentField.PropertyName);
                    continue;
                }
                var nameSpan = (entry.Value as SpecMapping)?.Get("name")?.Span ?? entry.Key.Span;
                string what = "search field '" + field.QueryName + "'";
                if (field.PropertyName == "Fields")
                {
                    context.Report(DiagnosticDescriptors.NameClash, nameSpan, field.PropertyName, what, "the class 'Fields' that holds it (a member cannot have its class's name)");
                    continue;
                }
                if (NameRules.ObjectMemberNames.Contains(field.PropertyName))
                {
                    // The static Fields class still inherits object's members: Fields.Equals would hide object.Equals (CS0108).
                    context.Report(DiagnosticDescriptors.NameClash, nameSpan, field.PropertyName, what, "the member '" + field.PropertyName + "' every class has (System.Object)");
                    continue;
                }
                if (claimed.TryGetValue(field.PropertyName, out var other))
                {
                    context.Report(DiagnosticDescriptors.NameClash, nameSpan, field.PropertyName, what, other);
                    continue;
                }
                claimed.Add(field.PropertyName, what);
                result.Add(field);
            }
            return result;
        }

        private static SearchFieldSpec? ParseOne(SpecScalar key, SpecNode node, ParseContext context)
        {
            string queryName = key.Value;
            string path = "searchFields." + queryName;
            if (!IsQueryName(queryName))
            {
                context.Report(DiagnosticDescriptors.InvalidValue, key.Span, queryName, "searchFields", NameHint);
                return null;
            }

            // Shorthand: `filemod: string` means `filemod: { type: string }`.
            if (!ShorthandEntry.TryRead(node, SpecKeys.SearchField, "search field '" + queryName + "'", queryName, path, context, out var mapping, out var typeNode))
                return null;

            if (typeNode is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, mapping!.Span, "Search field '" + queryName + "'", "type",
                    "Use one of: " + string.Join(", ", SpecKeys.SearchFieldTypes) + ".");
                return null;
            }
            string? typeText = context.AsChoice(typeNode, path + ".type", SpecKeys.SearchFieldTypes);

            string propertyName = context.AsString(mapping?.Get("name"), path + ".name") ?? NameRules.ToPascalCase(queryName);
            bool nameOk = context.CheckIdentifier(propertyName, mapping?.Get("name")?.Span ?? key.Span, "C# name of search field '" + queryName + "'",
                "Add name: ValidName to the search field.");
            string? doc = context.AsString(mapping?.Get("doc"), path + ".doc");
            bool sortable = context.AsBool(mapping?.Get("sortable"), path + ".sortable", false);
            bool facet = context.AsBool(mapping?.Get("facet"), path + ".facet", false);
            if (typeText is null || !nameOk) return null;

            var kind = typeText switch
            {
                "number" => SearchFieldKind.Number,
                "date" => SearchFieldKind.Date,
                "bool" => SearchFieldKind.Bool,
                "ip" => SearchFieldKind.Ip,
                _ => SearchFieldKind.Text,
            };
            return new SearchFieldSpec(queryName, propertyName, kind, doc, sortable, facet);
        }

        private static bool IsQueryName(string name)
        {
            if (name.Length == 0) return false;
            foreach (char c in name)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
                if (!ok) return false;
            }
            return true;
        }
    }
}
