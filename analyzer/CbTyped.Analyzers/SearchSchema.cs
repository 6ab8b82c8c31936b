using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CbTyped.Analyzers
{
    /// <summary>
    /// One model's query fields, read once per model from its <c>[CbSearchSchema]</c> attribute, plus the field
    /// families every Cb index has (<c>watchlist_&lt;id&gt;</c>, <c>alliance_score_&lt;feed&gt;</c>, …) and the join
    /// suffixes (<c>digsig_result_modload</c>) the server takes on process search.
    /// </summary>
    internal sealed class SearchSchema
    {
        public const string AttributeName = "CbTyped.Modeling.CbSearchSchemaAttribute";

        private static readonly (string Prefix, SearchKind Kind)[] Families =
        {
            ("watchlist_", SearchKind.Date),
            ("alliance_score_", SearchKind.Number),
            ("alliance_link_", SearchKind.Text),
            ("alliance_data_", SearchKind.Text),
        };

        private static readonly string[] JoinSuffixes = { "_modload", "_parent", "_child", "_filewrite" };

        private readonly Dictionary<string, SearchKind> _fields;
        private readonly HashSet<string> _notSearchable;
        private readonly HashSet<string> _sortable;
        private readonly Dictionary<string, string> _properties;

        private SearchSchema(string modelName, Dictionary<string, SearchKind> fields, HashSet<string> notSearchable, HashSet<string> sortable, Dictionary<string, string> properties)
        {
            ModelName = modelName;
            _fields = fields;
            _notSearchable = notSearchable;
            _sortable = sortable;
            _properties = properties;
        }

        public string ModelName { get; }

        public IEnumerable<string> FieldNames => _fields.Keys;

        /// <summary>The fields a sort may name (flag <c>s</c>), searchable or not.</summary>
        public IEnumerable<string> SortableNames => _sortable;

        /// <summary>The schema of <paramref name="model"/>, or null when it is not a search model.</summary>
        public static SearchSchema? From(ITypeSymbol model)
        {
            foreach (AttributeData attribute in model.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() != AttributeName || attribute.ConstructorArguments.Length != 2)
                {
                    continue;
                }

                // Searchable entries are name:kind:flags:Property, the others name:flags (older builds: name:kind:flags
                // and name); flag s marks a sortable field.
                var fields = new Dictionary<string, SearchKind>(StringComparer.Ordinal);
                var sortable = new HashSet<string>(StringComparer.Ordinal);
                var properties = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (string entry in Strings(attribute.ConstructorArguments[0]))
                {
                    string[] parts = entry.Split(':');
                    if (parts.Length >= 2 && parts[0].Length > 0)
                    {
                        fields[parts[0]] = Kind(parts[1]);
                        if (parts.Length >= 3 && parts[2].IndexOf('s') >= 0)
                        {
                            sortable.Add(parts[0]);
                        }

                        if (parts.Length >= 4 && parts[3].Length > 0)
                        {
                            properties[parts[0]] = parts[3];
                        }
                    }
                }

                var hidden = new HashSet<string>(StringComparer.Ordinal);
                foreach (string entry in Strings(attribute.ConstructorArguments[1]))
                {
                    string[] parts = entry.Split(':');
                    if (parts[0].Length > 0 && !fields.ContainsKey(parts[0]))
                    {
                        hidden.Add(parts[0]);
                        if (parts.Length >= 2 && parts[1].IndexOf('s') >= 0)
                        {
                            sortable.Add(parts[0]);
                        }
                    }
                }

                return new SearchSchema(model.Name, fields, hidden, sortable, properties);
            }

            return null;
        }

        /// <summary>Whether a query may name the field (declared, a family, or a joined field).</summary>
        public bool TryGetKind(string name, out SearchKind kind)
        {
            if (_fields.TryGetValue(name, out kind))
            {
                return true;
            }

            foreach (var (prefix, familyKind) in Families)
            {
                if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    kind = familyKind;
                    return true;
                }
            }

            foreach (string suffix in JoinSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal)
                    && _fields.TryGetValue(name.Substring(0, name.Length - suffix.Length), out kind))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsNotSearchable(string name) => _notSearchable.Contains(name);

        /// <summary>Whether the schema lists the field itself (not through a family or a join suffix).</summary>
        public bool IsDeclared(string name) => _fields.ContainsKey(name);

        public bool IsSortable(string name) => _sortable.Contains(name);

        /// <summary>The C# name of the field's member of the model's <c>Fields</c> class, when the schema says it.</summary>
        public string? PropertyOf(string name) => _properties.TryGetValue(name, out string? property) ? property : null;

        /// <summary>The parser's notion of a field: anything a query may name, searchable or not.</summary>
        public bool IsField(string name) => TryGetKind(name, out _) || _notSearchable.Contains(name);

        private static IEnumerable<string> Strings(TypedConstant array) =>
            array.Kind == TypedConstantKind.Array
                ? array.Values.Select(v => v.Value as string).Where(s => s is not null).Select(s => s!)
                : Enumerable.Empty<string>();

        private static SearchKind Kind(string code)
        {
            switch (code)
            {
                case "n":
                    return SearchKind.Number;
                case "d":
                    return SearchKind.Date;
                case "b":
                    return SearchKind.Bool;
                case "i":
                    return SearchKind.Ip;
                default:
                    return SearchKind.Text;
            }
        }
    }
}
