using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Finds where a value sits in a spec's text (e.g. joins → group → model). Used only when a cross-spec diagnostic
    /// must be reported, so parse results of valid specs carry no positions and survive edits that only move text.
    /// </summary>
    internal static class SpecLocator
    {
        /// <summary>The span of the value at <paramref name="keyPath"/>, or of the deepest mapping found on the way.</summary>
        public static SpecSpan Locate(string text, params string[] keyPath)
        {
            var document = YamlSpecReader.Instance.Read(text);
            SpecNode? node = document.Root;
            if (node is null) return SpecSpan.FileStart;
            foreach (var key in keyPath)
            {
                if (node is not SpecMapping mapping) break;
                var next = mapping.Get(key);
                if (next is null) break;
                node = next;
            }
            return node.Span;
        }
    }
}
