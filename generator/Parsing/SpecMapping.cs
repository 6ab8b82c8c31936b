using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>A mapping with scalar keys, in document order.</summary>
    internal sealed class SpecMapping : SpecNode
    {
        // Built on first lookup: a spec with thousands of fields is looked up once per field (name clashes, locations).
        private Dictionary<string, int>? _index;

        public SpecMapping(IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> entries, SpecSpan span) : base(span) => Entries = entries;

        public IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> Entries { get; }

        public override string ShapeName => "a mapping";

        public SpecNode? Get(string key) => IndexOf(key) is int i and >= 0 ? Entries[i].Value : null;

        public SpecScalar? GetKey(string key) => IndexOf(key) is int i and >= 0 ? Entries[i].Key : null;

        private int IndexOf(string key)
        {
            if (_index is null)
            {
                var index = new Dictionary<string, int>(Entries.Count, System.StringComparer.Ordinal);
                for (int i = 0; i < Entries.Count; i++)
                {
                    if (!index.ContainsKey(Entries[i].Key.Value)) index.Add(Entries[i].Key.Value, i);
                }
                _index = index;
            }
            return _index.TryGetValue(key, out int found) ? found : -1;
        }
    }
}
