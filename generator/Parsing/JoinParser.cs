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
                // via: a field, or a list with one entry per part of the target's composite key.
                var viaNode = mapping.Get("via");
                var viaList = viaNode is SpecSequence ? context.AsStringList(viaNode, path + ".via") : null;
                string? via = viaList is null ? context.AsString(viaNode, path + ".via") : viaList.Count > 0 ? viaList[0].Key : null;
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
                var keyParts = new List<string>();
                string? whenField = null;
                string? whenContains = null;
                JoinKind kind = kindText == "toMany" ? JoinKind.ToMany : JoinKind.ToOne;
                if (kindText == "toOne")
                {
                    if (via is null)
                    {
                        context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "To-one join '" + name + "'", "via", "Name this model's field that holds the target's key, e.g. via: group_id.");
                        ok = false;
                    }
                    else
                    {
                        var parts = viaList ?? new List<KeyValuePair<string, SpecSpan>> { new KeyValuePair<string, SpecSpan>(via, viaNode!.Span) };
                        for (int p = 0; p < parts.Count; p++)
                        {
                            string part = parts[p].Key;
                            if (viaList is not null && part == JoinSpec.DefaultProcessSegment)
                            {
                                if (p == 0)
                                {
                                    context.Report(DiagnosticDescriptors.InvalidValue, parts[p].Value, part, path + ".via",
                                        "The first key part must be a field of this model (the join has no target when it is empty), e.g. via: [process_id, " + JoinSpec.DefaultProcessSegment + "].");
                                    ok = false;
                                }
                            }
                            else if (!fieldNames.Contains(part))
                            {
                                string hint = viaList is null
                                    ? "Set 'via' to a JSON field name declared under 'fields:'."
                                    : "Each 'via' entry is a JSON field name declared under 'fields:', or " + JoinSpec.DefaultProcessSegment + " (the server's default process segment).";
                                context.Report(DiagnosticDescriptors.JoinUnknownField, parts[p].Value, name, part, "this model", Suggest(part, fieldNames), hint);
                                ok = false;
                            }
                            else if (!IsScalarKeyType(fieldsByName[part].Type))
                            {
                                context.Report(DiagnosticDescriptors.InvalidValue, parts[p].Value, part, path + ".via",
                                    "A to-one join's 'via' must name fields holding one key value (string, int, long, double or guid); '" + part + "' is " + fieldsByName[part].Type.Text + ". For a list of keys use a toMany join with a query.");
                                ok = false;
                            }
                            else
                            {
                                keyParts.Add(part);
                                continue;
                            }
                            if (part == JoinSpec.DefaultProcessSegment) keyParts.Add(part);
                        }
                    }
                    (whenField, whenContains, ok) = ParseWhen(mapping.Get("when"), path, fieldNames, name, context, ok);
                }
                else if (mapping.Get("when") is { } whenNode)
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, whenNode.Span, "when", path,
                        "'when' applies to toOne joins only; a toMany join's query already says which targets match.");
                    ok = false;
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
                        new EquatableArray<string>(placeholders.ToArray()), doc, external ? model : string.Empty, external,
                        new EquatableArray<string>(keyParts.ToArray()), whenField, whenContains));
                }
            }
            return result;
        }

        /// <summary><c>when: { field: alert_type, contains: process }</c>: the join has a target only when the field holds the text.</summary>
        private static (string? Field, string? Contains, bool Ok) ParseWhen(SpecNode? node, string path, HashSet<string> fieldNames, string name, ParseContext context, bool ok)
        {
            const string Example = "when: { field: alert_type, contains: process }";
            var when = context.AsMapping(node, path + ".when", Example);
            if (when is null) return (null, null, node is null || node is SpecScalar { IsNull: true } ? ok : false);
            context.CheckKeys(when, SpecKeys.JoinWhen, "'" + path + ".when'");
            string? field = context.AsString(when.Get("field"), path + ".when.field");
            string? contains = context.AsString(when.Get("contains"), path + ".when.contains");
            if (field is null || contains is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, when.Span, "'" + path + ".when'", field is null ? "field" : "contains", "Write " + Example + ".");
                return (null, null, false);
            }
            if (!fieldNames.Contains(field))
            {
                context.Report(DiagnosticDescriptors.JoinUnknownField, when.Get("field")!.Span, name, field, "this model", Suggest(field, fieldNames), "'when.field' is a JSON field name declared under 'fields:'.");
                return (null, null, false);
            }
            return (field, contains, ok);
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
