using System.Collections.Generic;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// What a reader returns: the root node (null for an empty document or after an error that stopped reading) and
    /// every problem found. A duplicate key does not stop reading (its later entry is dropped), so the rest of the file
    /// is still checked; a syntax error, an alias or too deep a nesting does.
    /// </summary>
    internal sealed class SpecDocument
    {
        public SpecDocument(SpecNode? root, IReadOnlyList<SpecProblem> problems)
        {
            Root = root;
            Problems = problems;
        }

        public SpecNode? Root { get; }

        public IReadOnlyList<SpecProblem> Problems { get; }
    }
}
