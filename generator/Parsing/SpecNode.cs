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
        public SpecMapping(IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> entries, SpecSpan span) : base(span) => Entries = entries;

        public IReadOnlyList<KeyValuePair<SpecScalar, SpecNode>> Entries { get; }

        public override string ShapeName => "a mapping";

        public SpecNode? Get(string key)
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key) return entry.Value;
            }
            return null;
        }

        public SpecScalar? GetKey(string key)
        {
            foreach (var entry in Entries)
            {
                if (entry.Key.Value == key) return entry.Key;
            }
            return null;
        }
    }

    /// <summary>What a reader returns: the root node, or the syntax error that stopped it.</summary>
    internal sealed class SpecDocument
    {
        public SpecDocument(SpecNode? root, string? error, SpecSpan? errorSpan, string? duplicateKey)
        {
            Root = root;
            Error = error;
            ErrorSpan = errorSpan;
            DuplicateKey = duplicateKey;
        }

        /// <summary>The root node; null for an empty document or a syntax error.</summary>
        public SpecNode? Root { get; }

        /// <summary>The syntax error message, or null.</summary>
        public string? Error { get; }

        public SpecSpan? ErrorSpan { get; }

        /// <summary>Set when the error is a key written twice in one mapping.</summary>
        public string? DuplicateKey { get; }
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
