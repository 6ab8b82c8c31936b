using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CbTyped.Analyzers.CodeFixes
{
    /// <summary>CBT0108: rewrites a simple raw query as the typed field that sends the same text,
    /// <c>Where("process_name:net.exe")</c> → <c>Where(Process.Fields.ProcessName.Is("net.exe"))</c>, naming the
    /// model as briefly as the file's usings allow.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypedFieldCodeFix)), Shared]
    public sealed class TypedFieldCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CBT0108");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue("Model", out string? modelName) || modelName is null
                    || !diagnostic.Properties.TryGetValue("TypedMember", out string? member) || member is null
                    || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use the typed field",
                        cancellationToken => Replace(document, literal, modelName, member, cancellationToken),
                        equivalenceKey: "CBT0108"),
                    diagnostic);
            }
        }

        private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string modelName, string member, CancellationToken cancellationToken)
        {
            SyntaxNode root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            SemanticModel? semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            INamedTypeSymbol? model = semanticModel?.Compilation.GetTypeByMetadataName(modelName);
            if (semanticModel is null || model is null)
            {
                return document;
            }

            // The model as the file can name it at this point: Process with `using CbTyped.Response;`, else qualified.
            string type = model.ToMinimalDisplayString(semanticModel, literal.SpanStart);
            ExpressionSyntax replacement = SyntaxFactory.ParseExpression(type + "." + member).WithTriviaFrom(literal);
            return document.WithSyntaxRoot(root.ReplaceNode(literal, replacement));
        }
    }
}
