using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    internal sealed class SpecSequence : SpecNode
    {
        public SpecSequence(IReadOnlyList<SpecNode> items, SpecSpan span) : base(span) => Items = items;

        public IReadOnlyList<SpecNode> Items { get; }

        public override string ShapeName => "a list";
    }
}
