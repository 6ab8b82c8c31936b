using System.Linq;
using CbTyped.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CbTyped.Generator.Diagnostics
{
    /// <summary>Turns <see cref="DiagnosticInfo"/> data into Roslyn diagnostics, only in the output step.</summary>
    internal static class DiagnosticFactory
    {
        public static Diagnostic ToDiagnostic(DiagnosticInfo info)
        {
            if (!DiagnosticDescriptors.ById.TryGetValue(info.Id, out var descriptor))
            {
                descriptor = DiagnosticDescriptors.InternalError;
            }
            var span = info.Span;
            var location = Location.Create(
                info.FilePath,
                new TextSpan(span.StartOffset, span.EndOffset - span.StartOffset),
                new LinePositionSpan(
                    new LinePosition(span.StartLine - 1, span.StartColumn - 1),
                    new LinePosition(span.EndLine - 1, span.EndColumn - 1)));
            return Diagnostic.Create(descriptor, location, info.MessageArgs.Cast<object>().ToArray());
        }
    }
}
