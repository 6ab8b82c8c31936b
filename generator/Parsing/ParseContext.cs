using System.Collections.Generic;
using System.Globalization;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Collects diagnostics for one spec file and offers typed reads of spec nodes. Every read that fails reports a
    /// diagnostic at the offending node and returns a fallback, so parsing continues and finds every problem at once.
    /// </summary>
    internal sealed class ParseContext
    {
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        public ParseContext(string filePath) => FilePath = filePath;

        public string FilePath { get; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        public bool HasErrors => _diagnostics.Count > 0;

        public void Report(DiagnosticDescriptor descriptor, SpecSpan span, params string[] args) =>
            _diagnostics.Add(new DiagnosticInfo(descriptor.Id, FilePath, span, new EquatableArray<string>(args)));

        /// <summary>Reports every key of <paramref name="mapping"/> not in <paramref name="allowed"/>.</summary>
        public void CheckKeys(SpecMapping mapping, IReadOnlyList<string> allowed, string where)
        {
            foreach (var entry in mapping.Entries)
            {
                bool known = false;
                foreach (var key in allowed)
                {
                    if (key == entry.Key.Value) { known = true; break; }
                }
                if (!known)
                {
                    Report(DiagnosticDescriptors.UnknownKey, entry.Key.Span, entry.Key.Value, where, NearestKey.Hint(entry.Key.Value, allowed));
                }
            }
        }

        public SpecMapping? AsMapping(SpecNode? node, string path, string example)
        {
            if (node is null) return null;
            if (node is SpecMapping mapping) return mapping;
            if (node is SpecScalar scalar && scalar.IsNull) return null;
            Report(DiagnosticDescriptors.WrongShape, node.Span, path, "a mapping", node.ShapeName, "Example: " + example);
            return null;
        }

        /// <summary>A non-empty scalar, or null (reported when the node is there but not a scalar).</summary>
        public string? AsString(SpecNode? node, string path)
        {
            if (node is null) return null;
            if (node is SpecScalar scalar)
            {
                if (scalar.IsNull) return null;
                return scalar.Value;
            }
            Report(DiagnosticDescriptors.WrongShape, node.Span, path, "a value", node.ShapeName, "Write a single value after the colon.");
            return null;
        }

        /// <summary><c>true</c>/<c>false</c> only (YAML 1.1 yes/no/on/off are not booleans here).</summary>
        public bool AsBool(SpecNode? node, string path, bool fallback)
        {
            var text = AsString(node, path);
            if (text is null) return fallback;
            if (text == "true" || text == "True") return true;
            if (text == "false" || text == "False") return false;
            Report(DiagnosticDescriptors.InvalidValue, node!.Span, text, path, "Write true or false.");
            return fallback;
        }

        public int? AsPositiveInt(SpecNode? node, string path)
        {
            var text = AsString(node, path);
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0) return value;
            Report(DiagnosticDescriptors.InvalidValue, node!.Span, text, path, "Write a whole number greater than 0.");
            return null;
        }

        /// <summary>One of <paramref name="allowed"/> (case-sensitive, with a nearest-value hint), or null.</summary>
        public string? AsChoice(SpecNode? node, string path, IReadOnlyList<string> allowed)
        {
            var text = AsString(node, path);
            if (text is null) return null;
            foreach (var candidate in allowed)
            {
                if (candidate == text) return candidate;
            }
            var nearest = NearestKey.Find(text, allowed);
            Report(DiagnosticDescriptors.InvalidValue, node!.Span, text, path,
                (nearest is null ? string.Empty : "Did you mean '" + nearest + "'? ") + "Use one of: " + string.Join(", ", allowed) + ".");
            return null;
        }

        /// <summary>A list of values: <c>[a, b]</c>, or a single value meaning a one-element list.</summary>
        public List<KeyValuePair<string, SpecSpan>> AsStringList(SpecNode? node, string path)
        {
            var result = new List<KeyValuePair<string, SpecSpan>>();
            if (node is null) return result;
            if (node is SpecScalar scalar)
            {
                if (!scalar.IsNull) result.Add(new KeyValuePair<string, SpecSpan>(scalar.Value, scalar.Span));
                return result;
            }
            if (node is SpecSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    var text = AsString(item, path);
                    if (text is not null) result.Add(new KeyValuePair<string, SpecSpan>(text, item.Span));
                }
                return result;
            }
            Report(DiagnosticDescriptors.WrongShape, node.Span, path, "a list of values", node.ShapeName, "Example: [a, b]");
            return result;
        }

        /// <summary>
        /// Checks a C# type name: an identifier, not a keyword, and not only lower-case ASCII letters (the compiler warns,
        /// CS8981, and such names are the ones C# takes as contextual keywords: a model named 'var' breaks every 'var').
        /// </summary>
        public bool CheckTypeName(string name, SpecSpan span, string what, string hint)
        {
            if (!CheckIdentifier(name, span, what, hint)) return false;
            if (NameRules.IsContextualKeyword(name))
            {
                Report(DiagnosticDescriptors.KeywordName, span, name, what, NameRules.ToPascalCase(name));
                return false;
            }
            if (NameRules.IsLowerCaseAsciiOnly(name))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, span, name, what,
                    "A type name of lower-case ASCII letters only may be (or become) a C# keyword such as 'var' or 'record' (CS8981). Start it with a capital letter, e.g. '" + NameRules.ToPascalCase(name) + "'.");
                return false;
            }
            return true;
        }

        /// <summary>Checks a C# name (identifier, not a keyword); returns false after reporting.</summary>
        public bool CheckIdentifier(string name, SpecSpan span, string what, string hint)
        {
            if (!NameRules.IsValidIdentifier(name))
            {
                Report(DiagnosticDescriptors.InvalidIdentifier, span, name, what, hint);
                return false;
            }
            if (NameRules.IsKeyword(name))
            {
                Report(DiagnosticDescriptors.KeywordName, span, name, what, NameRules.ToPascalCase(name) == name ? name + "Value" : NameRules.ToPascalCase(name));
                return false;
            }
            return true;
        }
    }
}
