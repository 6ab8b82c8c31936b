using System;

namespace CbTyped.QueryLanguage;

/// <summary>A malformed query: what is wrong and where (the emulator answers it as 400, the analyzer reports it).</summary>
internal sealed class CbQuerySyntaxException : Exception
{
    public CbQuerySyntaxException(string problem, int position, int length)
        : base($"{problem} at position {position}")
    {
        Problem = problem;
        Position = position;
        Length = length;
    }

    /// <summary>What is wrong, e.g. <c>unbalanced '('</c>.</summary>
    public string Problem { get; }

    /// <summary>Index in the query where the problem is.</summary>
    public int Position { get; }

    /// <summary>How many characters the problem covers (0 at the end of the query).</summary>
    public int Length { get; }
}
