using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// An entry written whole (<c>name: { type: int, … }</c>) or as its type alone (<c>name: int</c>): the two
    /// spellings fields and search fields share.
    /// </summary>
    internal static class ShorthandEntry
    {
        /// <summary>
        /// The entry's mapping (null for the shorthand) and its type node (null when the mapping has no <c>type</c>);
        /// false, with a diagnostic at the entry, when it is neither a mapping nor a scalar.
        /// </summary>
        public static bool TryRead(SpecNode node, IReadOnlyList<string> allowedKeys, string what, string name, string path,
            ParseContext context, out SpecMapping? mapping, out SpecNode? typeNode)
        {
            mapping = node as SpecMapping;
            if (mapping is not null)
            {
                context.CheckKeys(mapping, allowedKeys, what);
                typeNode = mapping.Get("type");
                return true;
            }
            if (node is SpecScalar scalar && !scalar.IsNull)
            {
                typeNode = scalar;
                return true;
            }
            typeNode = null;
            context.Report(DiagnosticDescriptors.WrongShape, node.Span, path, "a mapping such as { type: string }", node.ShapeName, "Example: " + name + ": { type: string }");
            return false;
        }
    }
}
