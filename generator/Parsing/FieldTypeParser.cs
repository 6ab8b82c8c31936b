using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Parses a field's type text: string, int, long, double, bool, datetime, enum, guid, json, list&lt;T&gt;,
    /// map&lt;string,T&gt;, clr:Full.Type.Name, or a nested type declared under <c>types:</c>.
    /// </summary>
    internal static class FieldTypeParser
    {
        public sealed class Request
        {
            public Request(string fieldPath, SpecSpan span, HashSet<string> nestedTypes, string? enumTypeName, EquatableArray<EnumValueSpec> enumValues)
            {
                FieldPath = fieldPath;
                Span = span;
                NestedTypes = nestedTypes;
                EnumTypeName = enumTypeName;
                EnumValues = enumValues;
            }

            public string FieldPath { get; }
            public SpecSpan Span { get; }
            public HashSet<string> NestedTypes { get; }
            public string? EnumTypeName { get; }
            public EquatableArray<EnumValueSpec> EnumValues { get; }
        }

        /// <summary>The type, or null after reporting a diagnostic.</summary>
        /// <summary>How deep list&lt;…&gt; and map&lt;…&gt; may nest; parsing recurses once per level.</summary>
        public const int MaxTypeDepth = 8;

        public static FieldTypeSpec? Parse(string text, Request request, ParseContext context)
        {
            string compact = text.Replace(" ", string.Empty).Replace("\t", string.Empty);
            int depth = 0;
            foreach (char c in compact)
            {
                if (c == '<' && ++depth > MaxTypeDepth)
                {
                    context.Report(DiagnosticDescriptors.UnknownType, request.Span, Shorten(text), request.FieldPath,
                        " (list<…> and map<…> nest at most " + MaxTypeDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " deep)");
                    return null;
                }
            }
            return ParseCompact(compact, request, context);
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "…";

        private static FieldTypeSpec? ParseCompact(string text, Request request, ParseContext context)
        {
            switch (text)
            {
                case "string": return Simple(FieldKind.String, text);
                case "int": return Simple(FieldKind.Int, text);
                case "long": return Simple(FieldKind.Long, text);
                case "double": return Simple(FieldKind.Double, text);
                case "bool": return Simple(FieldKind.Bool, text);
                case "datetime": return Simple(FieldKind.DateTime, text);
                case "guid": return Simple(FieldKind.Guid, text);
                case "json": return Simple(FieldKind.Json, text);
                case "enum":
                    return new FieldTypeSpec(FieldKind.Enum, text, null, null, null, request.EnumTypeName, request.EnumValues);
            }

            if (TryUnwrap(text, "list<", out var inner))
            {
                var element = ParseCompact(inner, request, context);
                if (element is not null && !CheckElement(element, text, request, context)) return null;
                return element is null ? null : new FieldTypeSpec(FieldKind.List, text, element, null, null, null, EquatableArray<EnumValueSpec>.Empty);
            }

            if (TryUnwrap(text, "map<", out inner))
            {
                int comma = TopLevelComma(inner);
                if (comma < 0 || inner.Substring(0, comma) != "string")
                {
                    context.Report(DiagnosticDescriptors.UnknownType, request.Span, text, request.FieldPath, " (a map is written map<string,T>: JSON object keys are always strings)");
                    return null;
                }
                var value = ParseCompact(inner.Substring(comma + 1), request, context);
                if (value is not null && !CheckElement(value, text, request, context)) return null;
                return value is null ? null : new FieldTypeSpec(FieldKind.Map, text, value, null, null, null, EquatableArray<EnumValueSpec>.Empty);
            }

            if (text.StartsWith("clr:", System.StringComparison.Ordinal))
            {
                string clr = text.Substring(4);
                string qualified = clr.StartsWith("global::", System.StringComparison.Ordinal) ? clr : "global::" + clr;
                if (!NameRules.IsValidGlobalTypeName(qualified))
                {
                    context.Report(DiagnosticDescriptors.UnknownType, request.Span, text, request.FieldPath, " (after 'clr:' write a full type name such as System.TimeSpan)");
                    return null;
                }
                return new FieldTypeSpec(FieldKind.Clr, text, null, null, qualified, null, EquatableArray<EnumValueSpec>.Empty);
            }

            if (request.NestedTypes.Contains(text))
            {
                return new FieldTypeSpec(FieldKind.Nested, text, null, text, null, null, EquatableArray<EnumValueSpec>.Empty);
            }

            var candidates = new List<string>(SpecKeys.ScalarTypes);
            candidates.AddRange(request.NestedTypes);
            candidates.Sort(System.StringComparer.Ordinal);
            var nearest = NearestKey.Find(text, candidates);
            context.Report(DiagnosticDescriptors.UnknownType, request.Span, text, request.FieldPath, nearest is null ? string.Empty : " (did you mean '" + nearest + "'?)");
            return null;
        }

        /// <summary>
        /// json holds any value, lists and objects included, so list&lt;json&gt; and map&lt;string,json&gt; say nothing
        /// json does not; one json value also keeps the array's or object's bytes as sent.
        /// </summary>
        private static bool CheckElement(FieldTypeSpec element, string text, Request request, ParseContext context)
        {
            if (element.Kind != FieldKind.Json) return true;
            context.Report(DiagnosticDescriptors.UnknownType, request.Span, text, request.FieldPath,
                " (json already holds any JSON value, lists and objects included: write type: json)");
            return false;
        }

        private static FieldTypeSpec Simple(FieldKind kind, string text) =>
            new FieldTypeSpec(kind, text, null, null, null, null, EquatableArray<EnumValueSpec>.Empty);

        private static bool TryUnwrap(string text, string prefix, out string inner)
        {
            if (text.StartsWith(prefix, System.StringComparison.Ordinal) && text.EndsWith(">", System.StringComparison.Ordinal) && text.Length > prefix.Length + 1)
            {
                inner = text.Substring(prefix.Length, text.Length - prefix.Length - 1);
                return true;
            }
            inner = string.Empty;
            return false;
        }

        private static int TopLevelComma(string text)
        {
            int depth = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '<') depth++;
                else if (text[i] == '>') depth--;
                else if (text[i] == ',' && depth == 0) return i;
            }
            return -1;
        }

        /// <summary>True when the type (or its list/map element) is an enum.</summary>
        public static bool ContainsEnum(FieldTypeSpec type) =>
            type.Kind == FieldKind.Enum || (type.Element is not null && ContainsEnum(type.Element));

        /// <summary>True when the type (or its list/map element) is a date-time.</summary>
        public static bool ContainsDateTime(FieldTypeSpec type) =>
            type.Kind == FieldKind.DateTime || (type.Element is not null && ContainsDateTime(type.Element));
    }
}
