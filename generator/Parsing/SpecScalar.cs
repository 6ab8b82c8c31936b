using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
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
}
