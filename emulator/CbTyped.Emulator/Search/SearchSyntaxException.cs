namespace CbTyped.Emulator.Search;

/// <summary>A malformed query; the server answers 400 <c>query_malformed_syntax</c>.</summary>
internal sealed class SearchSyntaxException : Exception
{
    public SearchSyntaxException()
    {
    }

    public SearchSyntaxException(string message)
        : base(message)
    {
    }

    public SearchSyntaxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
