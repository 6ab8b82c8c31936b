using System.Collections.Concurrent;
using System.Collections.Immutable;
using CbTyped.QueryLanguage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CbTyped.Analyzers
{
    /// <summary>
    /// Checks the constant query text passed to <c>Where</c>/<c>And</c>/<c>Or</c> of <c>CbQuery&lt;T&gt;</c> and
    /// <c>ICbQuery&lt;T&gt;</c> for a search model <c>T</c> (one with <c>[CbSearchSchema]</c>), and reports each
    /// problem at its characters inside the string literal. Each model's schema is read once per compilation.
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
            if (method.Name is not ("Where" or "And" or "Or") || method.Parameters.Length != 1
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

            foreach (QueryFinding finding in QueryChecker.Check(literal.Text, schema, literal.IsHole))
            {
                Location location = Location.Create(expression.SyntaxTree, literal.Map(finding.Span));
                context.ReportDiagnostic(Diagnostic.Create(finding.Rule, location, finding.Properties, finding.Arguments));
            }
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
