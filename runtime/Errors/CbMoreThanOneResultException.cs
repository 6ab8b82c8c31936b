namespace CbTyped;

/// <summary>A query meant to return exactly one object returned none or several (cbapi's <c>MoreThanOneResultError</c>).</summary>
public sealed class CbMoreThanOneResultException : CbApiException
{
    /// <summary>Creates the error with the number of results found.</summary>
    public CbMoreThanOneResultException(string message, int resultCount) : base(message) => ResultCount = resultCount;

    /// <summary>How many results the query returned (0, or 2 when "more than one").</summary>
    public int ResultCount { get; }
}
