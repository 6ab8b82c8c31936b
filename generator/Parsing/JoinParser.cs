using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>Parses <c>joins:</c> and checks what one file can check (fields of this model).</summary>
    internal static class JoinParser
    {
        public static List<JoinSpec> Parse(SpecMapping? joins, List<FieldSpec> fields, ParseContext context)
        {
            var result = new List<JoinSpec>();
            if (joins is null) return result;
            var fieldNames = new HashSet<string>(System.StringComparer.Ordinal);
            var fieldsByName = new Dictionary<string, FieldSpec>(System.StringComparer.Ordinal);
            foreach (var field in fields)
            {
                fieldNames.Add(field.JsonName);
                fieldsByName[field.JsonName] = field;
            }
            foreach (var entry in joins.Entries)
            {
                string name = entry.Key.Value;
                string path = "joins." + name;
                var mapping = context.AsMapping(entry.Value, path, "{ kind: toOne, model: SensorGroup, via: group_id }");
                if (mapping is null)
                {
                    if (entry.Value is SpecScalar s && s.IsNull)
                    {
                        context.Report(DiagnosticDescriptors.WrongShape, entry.Value.Span, path, "a mapping", "empty", "Example: " + name + ": { kind: toOne, model: SensorGroup, via: group_id }");
                    }
                    continue;
                }
                context.CheckKeys(mapping, SpecKeys.Join, "join '" + name + "'");

                string? kindText = context.AsChoice(mapping.Get("kind"), path + ".kind", SpecKeys.JoinKinds);
                string? model = context.AsString(mapping.Get("model"), path + ".model");
                string? via = context.AsString(mapping.Get("via"), path + ".via");
                string? query = context.AsString(mapping.Get("query"), path + ".query");
                string? nameOverride = context.AsString(mapping.Get("name"), path + ".name");
                string? doc = context.AsString(mapping.Get("doc"), path + ".doc");
                string propertyName = nameOverride ?? NameRules.ToPascalCase(name);
                bool ok = context.CheckIdentifier(propertyName, mapping.Get("name")?.Span ?? entry.Key.Span, "C# name of join '" + name + "'", "Add name: ValidName to the join.");

                if (mapping.Get("kind") is null)
                {
                    context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "Join '" + name + "'", "kind", "Write kind: toOne (with via:) or kind: toMany (with query:).");
                    ok = false;
                }
                if (model is null)
                {
                    context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "Join '" + name + "'", "model", "Name the target model, e.g. model: SensorGroup.");
                    ok = false;
                }
                else
                {
                    if (model.StartsWith("global::", System.StringComparison.Ordinal) ? !NameRules.IsValidGlobalTypeName(model) : !NameRules.IsValidIdentifier(model))
                    {
                        context.Report(DiagnosticDescriptors.InvalidIdentifier, mapping.Get("model")!.Span, model, "target of join '" + name + "'", "Write a model name, or 'global::Namespace.Type' for a model in another assembly.");
                        ok = false;
                    }
                }

                var placeholders = new List<string>();
                JoinKind kind = kindText == "toMany" ? JoinKind.ToMany : JoinKind.ToOne;
                if (kindText == "toOne")
                {
                    if (via is null)
                    {
                        context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "To-one join '" + name + "'", "via", "Name this model's field that holds the target's key, e.g. via: group_id.");
                        ok = false;
                    }
                    else if (!fieldNames.Contains(via))
                    {
                        context.Report(DiagnosticDescriptors.JoinUnknownField, mapping.Get("via")!.Span, name, via, "this model", Suggest(via, fieldNames), "Set 'via' to a JSON field name declared under 'fields:'.");
                        ok = false;
                    }
                    else if (!IsScalarKeyType(fieldsByName[via].Type))
                    {
                        context.Report(DiagnosticDescriptors.InvalidValue, mapping.Get("via")!.Span, via, path + ".via",
                            "A to-one join's 'via' must be a field holding one key value (string, int, long, double or guid); '" + via + "' is " + fieldsByName[via].Type.Text + ". For a list of keys use a toMany join with a query.");
                        ok = false;
                    }
                }
                else if (kindText == "toMany")
                {
                    if (query is null)
                    {
                        context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "To-many join '" + name + "'", "query", "Write the target query with this model's fields, e.g. query: \"parent_unique_id:{unique_id}\".");
                        ok = false;
                    }
                    else if (TemplateError(query) is string templateError)
                    {
                        context.Report(DiagnosticDescriptors.InvalidValue, mapping.Get("query")!.Span, query, path + ".query",
                            templateError + "; write placeholders as {field} with a JSON field name of this model, e.g. query: \"parent_unique_id:{unique_id}\".");
                        ok = false;
                    }
                    else
                    {
                        foreach (var placeholder in Placeholders(query))
                        {
                            placeholders.Add(placeholder);
                            if (!fieldNames.Contains(placeholder))
                            {
                                context.Report(DiagnosticDescriptors.JoinUnknownField, mapping.Get("query")!.Span, name, placeholder, "this model", Suggest(placeholder, fieldNames), "Placeholders in 'query' are this model's JSON field names.");
                                ok = false;
                            }
                        }
                    }
                }

                if (ok)
                {
                    bool external = model!.StartsWith("global::", System.StringComparison.Ordinal);
                    result.Add(new JoinSpec(name, propertyName, kind, model, kind == JoinKind.ToOne ? via : null, kind == JoinKind.ToMany ? query : null,
                        new EquatableArray<string>(placeholders.ToArray()), doc, external ? model : string.Empty, external));
                }
            }
            return result;
        }

        /// <summary>Why a toMany query template cannot be filled in, or null when every brace pairs up.</summary>
        private static string? TemplateError(string template)
        {
            int open = -1;
            for (int i = 0; i < template.Length; i++)
            {
                char c = template[i];
                if (c == '{')
                {
                    if (open >= 0) return "A '{' inside a placeholder";
                    open = i;
                }
                else if (c == '}')
                {
                    if (open < 0) return "A '}' has no matching '{'";
                    if (i == open + 1) return "A placeholder '{}' is empty";
                    open = -1;
                }
            }
            return open >= 0 ? "A '{' is not closed" : null;
        }

        /// <summary>A type that holds one key value: a to-one join can look the target up by it.</summary>
        internal static bool IsScalarKeyType(FieldTypeSpec type) =>
            type.Kind is FieldKind.String or FieldKind.Int or FieldKind.Long or FieldKind.Double or FieldKind.Guid;

        internal static string Suggest(string word, IEnumerable<string> candidates)
        {
            var nearest = NearestKey.Find(word, candidates);
            return nearest is null ? string.Empty : " (did you mean '" + nearest + "'?)";
        }

        private static IEnumerable<string> Placeholders(string template)
        {
            int index = 0;
            while (true)
            {
                int open = template.IndexOf('{', index);
                if (open < 0) yield break;
                int close = template.IndexOf('}', open);
                if (close < 0) yield break;
                yield return template.Substring(open + 1, close - open - 1);
                index = close + 1;
            }
        }
    }
}
