namespace CbTyped;

/// <summary>The server answered 4xx (cbapi's <c>ClientError</c>); the subclasses cover 400-syntax, 401 and 404.</summary>
public class CbClientException : CbApiException
{
    /// <summary>Creates a client error about one HTTP exchange.</summary>
    public CbClientException(string message, int? statusCode, string? serverMessage, string? method, string? path, Exception? innerException = null)
        : base(message, statusCode, serverMessage, method, path, innerException) { }
}
