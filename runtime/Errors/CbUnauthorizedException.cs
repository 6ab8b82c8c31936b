namespace CbTyped;

/// <summary>HTTP 401: the API token was refused (cbapi's <c>UnauthorizedError</c>). Check the credentials.</summary>
public sealed class CbUnauthorizedException : CbClientException
{
    /// <summary>Creates an unauthorized error.</summary>
    public CbUnauthorizedException(string message, int? statusCode, string? serverMessage, string? method, string? path)
        : base(message, statusCode, serverMessage, method, path) { }
}
