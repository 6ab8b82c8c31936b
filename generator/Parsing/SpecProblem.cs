using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
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
}
