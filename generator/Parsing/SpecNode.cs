using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>A node of a parsed spec document, independent of the YAML library that produced it.</summary>
    internal abstract class SpecNode
    {
        protected SpecNode(SpecSpan span) => Span = span;

        public SpecSpan Span { get; }

        /// <summary>"a mapping", "a list" or "a value", for messages.</summary>
        public abstract string ShapeName { get; }
    }

    /// <summary>A plain or quoted scalar; always text, typed later by our own rules.</summary>
    internal sealed class SpecScalar : SpecNode
    {
        public SpecScalar(string value, bool quoted, SpecSpan span) : base(span)
        {
            Value = value;
            Quoted = quoted;
        }

        public string Value { get; }

        /// <summary>True for quoted scalars (never null, never a number).</summary>
        public bool Quoted { get; }

        /// <summary>True for an unquoted empty value, <c>~</c> or <c>null</c>.</summary>
        public bool IsNull => !Quoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public override string ShapeName => "a value";
    }

    internal sealed class SpecSequence : SpecNode
    {
        public SpecSequence(IReadOnlyList<SpecNode> items, SpecSpan span) : base(span) => Items = items;

        public IReadOnlyList<SpecNode> Items { get; }

        public override string ShapeName => "a list";
    }

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

    /// <summary>A problem the reader found: a diagnostic and its arguments, at a position of the text.</summary>
    internal sealed class SpecProblem
    {
        public SpecProblem(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, SpecSpan span, params string[] args)
        {
            Descriptor = descriptor;
            Span = span;
            Args = args;
        }

        public Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor { get; }

        public SpecSpan Span { get; }

        public string[] Args { get; }
    }

    /// <summary>
    /// What a reader returns: the root node (null for an empty document or after an error that stopped reading) and
    /// every problem found. A duplicate key does not stop reading (its later entry is dropped), so the rest of the file
    /// is still checked; a syntax error, an alias or too deep a nesting does.
    /// </summary>
    internal sealed class SpecDocument
    {
        public SpecDocument(SpecNode? root, IReadOnlyList<SpecProblem> problems)
        {
            Root = root;
            Problems = problems;
        }

        public SpecNode? Root { get; }

        public IReadOnlyList<SpecProblem> Problems { get; }
    }

    /// <summary>
    /// Reads spec text (YAML or JSON) into <see cref="SpecNode"/>s. Hidden behind an interface so the YAML library
    /// (YamlDotNet today) can be replaced by a hand-written subset reader if analyzer load conflicts appear.
    /// </summary>
    internal interface ISpecReader
    {
        SpecDocument Read(string text);
    }
}
