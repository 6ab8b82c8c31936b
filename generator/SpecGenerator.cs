using Microsoft.CodeAnalysis;

namespace CbTyped.Generator
{
    /// <summary>Turns *.model.yaml / *.model.json spec files into typed models.</summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SpecGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
        }
    }
}
