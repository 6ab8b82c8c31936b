using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace CbTyped.Analyzers.CodeFixes
{
    /// <summary>CBT0101 (query) and CBT0106 (sort): replaces a misspelt field name with the nearest field of the model
    /// (<c>proces_name</c> → <c>process_name</c>). Offered only when the name is written plainly in the literal (no C#
    /// escapes in it).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MisspeltFieldCodeFix)), Shared]
    public sealed class MisspeltFieldCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("CBT0101", "CBT0106");

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            SourceText text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue("Suggestion", out string? suggestion) || suggestion is null)
                {
                    continue;
                }

                TextSpan span = diagnostic.Location.SourceSpan;
                string written = text.ToString(span);
                if (!IsPlainName(written))
                {
                    continue;
                }

                Document document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{suggestion}'",
                        cancellationToken => Replace(document, span, suggestion, cancellationToken),
                        equivalenceKey: diagnostic.Id + ":" + suggestion),
                    diagnostic);
            }
        }

        private static async Task<Document> Replace(Document document, TextSpan span, string suggestion, CancellationToken cancellationToken)
        {
            SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(new TextChange(span, suggestion)));
        }

        private static bool IsPlainName(string written)
        {
            foreach (char c in written)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.'))
                {
                    return false;
                }
            }

            return written.Length > 0;
        }
    }
}
