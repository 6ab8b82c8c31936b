namespace CbTyped;

/// <summary>The server answered 4xx (cbapi's <c>ClientError</c>); the subclasses cover 400-syntax, 401 and 404.</summary>
public class CbClientException : CbApiException
{
    /// <summary>Creates a client error about one HTTP exchange.</summary>
    public CbClientException(string message, int? statusCode, string? serverMessage, string? method, string? path, Exception? innerException = null)
        : base(message, statusCode, serverMessage, method, path, innerException) { }
}

/// <summary>HTTP 400 with <c>reason: query_malformed_syntax</c>: the query text did not parse on the server.</summary>
public sealed class CbQuerySyntaxException : CbClientException
{
    /// <summary>Creates a query syntax error.</summary>
    public CbQuerySyntaxException(string message, int? statusCode, string? serverMessage, string? method, string? path)
        : base(message, statusCode, serverMessage, method, path) { }
}

/// <summary>HTTP 404, or a lookup that found nothing (cbapi's <c>ObjectNotFoundError</c>).</summary>
public sealed class CbObjectNotFoundException : CbClientException
{
    /// <summary>Creates a not-found error.</summary>
    public CbObjectNotFoundException(string message, int? statusCode, string? serverMessage, string? method, string? path)
        : base(message, statusCode, serverMessage, method, path) { }
}

/// <summary>HTTP 401: the API token was refused (cbapi's <c>UnauthorizedError</c>). Check the credentials.</summary>
public sealed class CbUnauthorizedException : CbClientException
{
    /// <summary>Creates an unauthorized error.</summary>
    public CbUnauthorizedException(string message, int? statusCode, string? serverMessage, string? method, string? path)
        : base(message, statusCode, serverMessage, method, path) { }
}
