namespace CbTyped;

/// <summary>HTTP 400 with <c>reason: query_malformed_syntax</c>: the query text did not parse on the server.</summary>
public sealed class CbQuerySyntaxException : CbClientException
{
    /// <summary>Creates a query syntax error.</summary>
    public CbQuerySyntaxException(string message, int? statusCode, string? serverMessage, string? method, string? path)
        : base(message, statusCode, serverMessage, method, path) { }
}
