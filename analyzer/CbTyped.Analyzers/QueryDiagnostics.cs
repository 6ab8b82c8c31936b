using CbTyped.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CbTyped.Analyzers
{
    /// <summary>The query analyzer's rules (CBT0100-CBT0119; the generator has CBT00xx). The problems are warnings by
    /// default, so a user can raise or lower each in .editorconfig (<c>dotnet_diagnostic.CBT0101.severity = error</c>);
    /// CBT0108 is a hidden suggestion that only carries the raw-to-typed code fix. Each links to its own section of
    /// docs/query-language.md.</summary>
    internal static class QueryDiagnostics
    {
        private const string Category = "CbTyped.Query";

        public static readonly DiagnosticDescriptor Syntax = Create("CBT0100", "Malformed query",
            "Query syntax: {0}; the server answers 400 (query_malformed_syntax)");

        public static readonly DiagnosticDescriptor UnknownField = Create("CBT0101", "Unknown query field",
            "'{0}' is not a search field of {1}{2}; the server reads '{0}:...' as a bare term");

        public static readonly DiagnosticDescriptor NotSearchable = Create("CBT0102", "Field is not searchable",
            "'{0}' is a field of {1} that the server does not search");

        public static readonly DiagnosticDescriptor BadValue = Create("CBT0103", "Malformed typed value",
            "'{0}' is not a valid {1} for field '{2}'; the server answers 400 (query_malformed_syntax)");

        public static readonly DiagnosticDescriptor WildcardNotAllowed = Create("CBT0104", "Wildcard not allowed",
            "Field '{0}' holds {1} values, which take no wildcards ('{2}')");

        public static readonly DiagnosticDescriptor NeedsEscaping = Create("CBT0105", "Value needs escaping",
            "The value '{0}' ends at an unescaped '(': the server reads '{0}' and then a group; write '\\(' and '\\)' to search for '{1}'");

        public static readonly DiagnosticDescriptor NotSortable = Create("CBT0106", "Field cannot be sorted on",
            "'{0}' cannot be sorted on: {1}");

        public static readonly DiagnosticDescriptor BadSort = Create("CBT0107", "Malformed sort",
            "Sort '{0}' must read 'field', 'field asc' or 'field desc'; the server answers 400 (query_malformed_syntax)");

        public static readonly DiagnosticDescriptor UseTypedField = Create("CBT0108", "Query can use a typed field",
            "'{0}' can be written with a typed field: {1}", DiagnosticSeverity.Hidden);

        public static readonly DiagnosticDescriptor[] All =
        {
            Syntax, UnknownField, NotSearchable, BadValue, WildcardNotAllowed, NeedsEscaping, NotSortable, BadSort, UseTypedField,
        };

        /// <summary>The property of a CBT0101/CBT0106 diagnostic that holds the suggested field, for the code fix.</summary>
        public const string SuggestionProperty = "Suggestion";

        /// <summary>The properties of a CBT0108 diagnostic: the model's metadata name, and the rest of the typed
        /// expression that replaces the query argument (<c>Fields.ProcessName.Is("net.exe")</c>); the fix writes the
        /// model's name as short as the file's usings allow.</summary>
        public const string ModelProperty = "Model";

        /// <inheritdoc cref="ModelProperty"/>
        public const string TypedMemberProperty = "TypedMember";

        /// <summary>The anchor of a rule's section in docs/query-language.md (a heading <c>### CBT0101</c>).</summary>
        public static string HelpLink(string id) => HelpLinks.QueryLanguage + "#" + id.ToLowerInvariant();

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Warning) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
    }
}
