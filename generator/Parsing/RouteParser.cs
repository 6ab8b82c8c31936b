using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>Parses <c>routes:</c>: "METHOD /template" strings, or lists of server-version variants.</summary>
    internal static class RouteParser
    {
        /// <summary>A parsed route plus where each placeholder was written, for later field checks.</summary>
        public sealed class ParsedRoute
        {
            public ParsedRoute(RouteSpec route, List<KeyValuePair<string, SpecSpan>> placeholders)
            {
                Route = route;
                Placeholders = placeholders;
            }

            public RouteSpec Route { get; }
            public List<KeyValuePair<string, SpecSpan>> Placeholders { get; }
        }

        public static ParsedRoute? Parse(string name, SpecNode node, string path, ParseContext context)
        {
            var variants = new List<RouteVariantSpec>();
            var placeholders = new List<KeyValuePair<string, SpecSpan>>();
            if (node is SpecScalar scalar)
            {
                if (scalar.IsNull) return null;
                var variant = ParseVariant(name, scalar.Value, scalar.Span, null, null, placeholders, context);
                if (variant is not null) variants.Add(variant);
            }
            else if (node is SpecSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    var mapping = context.AsMapping(item, path, "{ route: \"GET /api/v1/x/{id}\", minServerVersion: \"6.0\" }");
                    if (mapping is null) continue;
                    context.CheckKeys(mapping, SpecKeys.RouteVariant, "route variant of '" + name + "'");
                    var routeNode = mapping.Get("route");
                    string? routeText = context.AsString(routeNode, path + ".route");
                    if (routeText is null)
                    {
                        context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "A route variant of '" + name + "'", "route", "Example: { route: \"GET /api/v1/x/{id}\", maxServerVersion: \"5.99\" }");
                        continue;
                    }
                    string? min = ReadVersion(mapping.Get("minServerVersion"), path + ".minServerVersion", context);
                    string? max = ReadVersion(mapping.Get("maxServerVersion"), path + ".maxServerVersion", context);
                    CheckVersionRange(min, max, mapping.Get("minServerVersion")?.Span ?? mapping.Span, path, context);
                    var variant = ParseVariant(name, routeText, routeNode!.Span, min, max, placeholders, context);
                    if (variant is not null) variants.Add(variant);
                }
                if (sequence.Items.Count == 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidRoute, node.Span, name, "[]", "the list of variants is empty");
                }
            }
            else
            {
                context.Report(DiagnosticDescriptors.WrongShape, node.Span, path, "a route (\"GET /path\") or a list of version variants", node.ShapeName, "Example: get: GET /api/v1/sensor/{id}");
            }

            if (variants.Count == 0) return null;
            var route = new RouteSpec(name, NameRules.ToPascalCase(name), new EquatableArray<RouteVariantSpec>(variants.ToArray()));
            return new ParsedRoute(route, placeholders);
        }

        private static RouteVariantSpec? ParseVariant(string name, string text, SpecSpan span, string? min, string? max, List<KeyValuePair<string, SpecSpan>> placeholders, ParseContext context)
        {
            string trimmed = text.Trim();
            int space = trimmed.IndexOf(' ');
            if (space <= 0)
            {
                context.Report(DiagnosticDescriptors.InvalidRoute, span, name, text, "the method or the path is missing");
                return null;
            }
            string method = trimmed.Substring(0, space).ToUpperInvariant();
            string template = trimmed.Substring(space + 1).Trim();
            if (System.Array.IndexOf(SpecKeys.HttpMethods, method) < 0)
            {
                context.Report(DiagnosticDescriptors.InvalidRoute, span, name, text, "'" + method + "' is not one of " + string.Join(", ", SpecKeys.HttpMethods));
                return null;
            }
            if (!template.StartsWith("/", System.StringComparison.Ordinal) || template.IndexOf(' ') >= 0)
            {
                context.Report(DiagnosticDescriptors.InvalidRoute, span, name, text, "the path must start with '/' and contain no spaces");
                return null;
            }

            var names = new List<string>();
            int index = 0;
            while (index < template.Length)
            {
                int open = template.IndexOf('{', index);
                int close = template.IndexOf('}', index);
                if (open < 0 && close < 0) break;
                if (open < 0 || close < open)
                {
                    context.Report(DiagnosticDescriptors.InvalidRoute, span, name, text, "a '}' has no matching '{'");
                    return null;
                }
                close = template.IndexOf('}', open);
                if (close < 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidRoute, span, name, text, "a '{' is not closed");
                    return null;
                }
                string placeholder = template.Substring(open + 1, close - open - 1);
                if (placeholder.Length == 0 || placeholder.IndexOf('{') >= 0)
                {
                    context.Report(DiagnosticDescriptors.InvalidRoute, span, name, text, "a placeholder is empty or nested");
                    return null;
                }
                names.Add(placeholder);
                placeholders.Add(new KeyValuePair<string, SpecSpan>(placeholder, span));
                index = close + 1;
            }
            return new RouteVariantSpec(method, template, new EquatableArray<string>(names.ToArray()), min, max);
        }

        internal static string? ReadVersion(SpecNode? node, string path, ParseContext context)
        {
            string? text = context.AsString(node, path);
            if (text is null) return null;
            foreach (var part in text.Split('.'))
            {
                if (part.Length == 0 || !IsDigits(part))
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, node!.Span, text, path, "Write a version such as \"6.0\" or \"5.1.1\" (quote it).");
                    return null;
                }
            }
            return text;
        }

        /// <summary>Reports a variant whose lowest version is above its highest (it could never apply).</summary>
        internal static void CheckVersionRange(string? min, string? max, SpecSpan span, string path, ParseContext context)
        {
            if (min is not null && max is not null && CompareVersions(min, max) > 0)
            {
                context.Report(DiagnosticDescriptors.VersionRangeInverted, span, path, min, max);
            }
        }

        /// <summary>Compares dotted versions part by part (a missing part is 0: "6" equals "6.0").</summary>
        internal static int CompareVersions(string left, string right)
        {
            string[] a = left.Split('.');
            string[] b = right.Split('.');
            for (int i = 0; i < a.Length || i < b.Length; i++)
            {
                long x = i < a.Length ? ParseLong(a[i]) : 0;
                long y = i < b.Length ? ParseLong(b[i]) : 0;
                if (x != y) return x < y ? -1 : 1;
            }
            return 0;
        }

        private static long ParseLong(string digits) =>
            long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long value) ? value : long.MaxValue;

        private static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9') return false;
            }
            return true;
        }
    }
}
