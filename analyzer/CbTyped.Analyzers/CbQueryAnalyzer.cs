using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using CbTyped.QueryLanguage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CbTyped.Analyzers
{
    /// <summary>
    /// Checks the constant query text passed to <c>Where</c>/<c>And</c>/<c>Or</c>, and the sort text passed to
    /// <c>Sort</c>, of <c>CbQuery&lt;T&gt;</c> and <c>ICbQuery&lt;T&gt;</c> for a search model <c>T</c> (one with
    /// <c>[CbSearchSchema]</c>), and reports each problem at its characters inside the string literal. A clean query
    /// that one typed field writes identically gets the hidden CBT0108, which carries the raw-to-typed code fix.
    /// Each model's schema is read once per compilation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CbQueryAnalyzer : DiagnosticAnalyzer
    {
        private static readonly string[] QueryTypes = { "CbTyped.CbQuery`1", "CbTyped.Modeling.ICbQuery`1" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(QueryDiagnostics.All);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var queryTypes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                foreach (string name in QueryTypes)
                {
                    if (start.Compilation.GetTypeByMetadataName(name) is INamedTypeSymbol type)
                    {
                        queryTypes.Add(type);
                    }
                }

                if (queryTypes.Count == 0)
                {
                    return;
                }

                var types = queryTypes.ToImmutable();
                var schemas = new ConcurrentDictionary<ITypeSymbol, SearchSchema?>(SymbolEqualityComparer.Default);
                start.RegisterOperationAction(op => AnalyzeInvocation(op, types, schemas), OperationKind.Invocation);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, ImmutableArray<INamedTypeSymbol> queryTypes, ConcurrentDictionary<ITypeSymbol, SearchSchema?> schemas)
        {
            var invocation = (IInvocationOperation)context.Operation;
            IMethodSymbol method = invocation.TargetMethod;
            if (WatchlistQueryModel(method, context.Compilation) is ITypeSymbol watchlistModel)
            {
                CheckWatchlistQuery(context, invocation, watchlistModel, schemas);
                return;
            }

            bool isSort = method.Name == "Sort";
            if (!(isSort || method.Name is "Where" or "And" or "Or") || method.Parameters.Length != 1
                || method.Parameters[0].Type.SpecialType != SpecialType.System_String
                || !IsQueryType(method.ContainingType, queryTypes)
                || invocation.Arguments.Length != 1)
            {
                return;
            }

            ITypeSymbol model = method.ContainingType.TypeArguments[0];
            SearchSchema? schema = schemas.GetOrAdd(model, static m => SearchSchema.From(m));
            if (schema is null)
            {
                return;
            }

            IOperation value = invocation.Arguments[0].Value;
            if (value.Syntax is not ExpressionSyntax expression)
            {
                return;
            }

            string? constant = value.ConstantValue.HasValue ? value.ConstantValue.Value as string : null;
            QueryLiteral? literal = QueryLiteral.From(expression, constant);
            if (literal is null)
            {
                return;
            }

            List<QueryFinding> findings = isSort
                ? SortChecker.Check(literal.Text, schema, literal.IsHole)
                : QueryChecker.Check(literal.Text, schema, literal.IsHole);
            foreach (QueryFinding finding in findings)
            {
                Location location = Location.Create(expression.SyntaxTree, literal.Map(finding.Span));
                context.ReportDiagnostic(Diagnostic.Create(finding.Rule, location, finding.Properties, finding.Arguments));
            }

            if (!isSort && findings.Count == 0 && constant is not null && expression is LiteralExpressionSyntax
                && HasTermOverload(method)
                && TypedFieldHint.For(constant, schema, model) is string member)
            {
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(QueryDiagnostics.ModelProperty, MetadataName(model))
                    .Add(QueryDiagnostics.TypedMemberProperty, member);
                string shown = model.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + member;
                context.ReportDiagnostic(Diagnostic.Create(QueryDiagnostics.UseTypedField, expression.GetLocation(), properties, constant, shown));
            }
        }

        // Watchlist.CreateForProcessesAsync/CreateForBinariesAsync(client, name, queryText): the text is a process or
        // binary query the watchlist will run, so it is checked as that model's Where text is.
        private static ITypeSymbol? WatchlistQueryModel(IMethodSymbol method, Compilation compilation)
        {
            if (method.Name is not ("CreateForProcessesAsync" or "CreateForBinariesAsync")
                || method.ContainingType.ToDisplayString() != "CbTyped.Response.Watchlist")
            {
                return null;
            }

            return compilation.GetTypeByMetadataName(method.Name == "CreateForProcessesAsync" ? "CbTyped.Response.Process" : "CbTyped.Response.Binary");
        }

        private static void CheckWatchlistQuery(OperationAnalysisContext context, IInvocationOperation invocation, ITypeSymbol model, ConcurrentDictionary<ITypeSymbol, SearchSchema?> schemas)
        {
            SearchSchema? schema = schemas.GetOrAdd(model, static m => SearchSchema.From(m));
            if (schema is null)
            {
                return;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != "queryText" || argument.Value.Syntax is not ExpressionSyntax expression)
                {
                    continue;
                }

                string? constant = argument.Value.ConstantValue.HasValue ? argument.Value.ConstantValue.Value as string : null;
                if (QueryLiteral.From(expression, constant) is QueryLiteral literal)
                {
                    foreach (QueryFinding finding in QueryChecker.Check(literal.Text, schema, literal.IsHole))
                    {
                        Location location = Location.Create(expression.SyntaxTree, literal.Map(finding.Span));
                        context.ReportDiagnostic(Diagnostic.Create(finding.Rule, location, finding.Properties, finding.Arguments));
                    }
                }
            }
        }

        // Namespace.Outer+Inner`1, as Compilation.GetTypeByMetadataName takes it.
        private static string MetadataName(ITypeSymbol type)
        {
            string name = type.MetadataName;
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                name = outer.MetadataName + "+" + name;
            }

            return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
        }

        // The typed rewrite needs Where/And/Or(CbQueryTerm) beside the string overload on the same query type.
        private static bool HasTermOverload(IMethodSymbol method)
        {
            foreach (ISymbol member in method.ContainingType.GetMembers(method.Name))
            {
                if (member is IMethodSymbol { Parameters.Length: 1 } overload && overload.Parameters[0].Type.Name == "CbQueryTerm")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsQueryType(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol> queryTypes)
        {
            foreach (INamedTypeSymbol queryType in queryTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, queryType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
