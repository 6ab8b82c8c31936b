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
}
