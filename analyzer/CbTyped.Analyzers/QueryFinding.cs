using System.Collections.Immutable;
using CbTyped.QueryLanguage;
using Microsoft.CodeAnalysis;

namespace CbTyped.Analyzers
{
    /// <summary>One problem in a query text: the rule, where in the text, the message arguments.</summary>
    internal sealed class QueryFinding
    {
        public QueryFinding(DiagnosticDescriptor rule, QuerySpan span, object[] arguments, ImmutableDictionary<string, string?>? properties = null)
        {
            Rule = rule;
            Span = span;
            Arguments = arguments;
            Properties = properties ?? ImmutableDictionary<string, string?>.Empty;
        }

        public DiagnosticDescriptor Rule { get; }

        public QuerySpan Span { get; }

        public object[] Arguments { get; }

        public ImmutableDictionary<string, string?> Properties { get; }
    }
}
