using CbTyped.Emulator.Search;
using CbTyped.QueryLanguage;

namespace CbTyped.Emulator.Query.Parsing;

/// <summary>Builds the seam's <see cref="SearchSyntaxException"/> (answered as 400 query_malformed_syntax).</summary>
internal static class QueryErrors
{
    /// <summary>Parses with the shared grammar; a malformed query becomes the seam's exception.</summary>
    public static QueryNode Parse(string? query, Func<string, bool> isField)
    {
        try
        {
            return CbQueryParser.Parse(query, isField);
        }
        catch (CbQuerySyntaxException e)
        {
            throw Syntax(query ?? string.Empty, e.Position, e.Problem);
        }
    }

    public static SearchSyntaxException Syntax(string query, int position, string problem) =>
        new($"query_malformed_syntax: {problem} at position {position} in '{query}'");

    public static SearchSyntaxException BadValue(string field, string value, string expected) =>
        new($"query_malformed_syntax: '{value}' is not a valid {expected} for field '{field}'");
}
