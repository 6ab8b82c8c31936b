namespace CbTyped;

/// <summary>
/// A response body is larger than the client accepts (<see cref="CbResponseClientOptions.MaxResponseBytes"/> for
/// buffered JSON, <see cref="CbResponseClientOptions.MaxStreamedResponseBytes"/> for streamed downloads). A declared
/// <c>Content-Length</c> over the limit is refused before anything is read or allocated; a chunked or compressed body
/// is cut off as soon as it passes the limit (the limit counts decompressed bytes). Not retried: the same request
/// would get the same answer.
/// </summary>
public sealed class CbResponseTooLargeException : CbApiException
{
    /// <summary>Creates the error for one request.</summary>
    public CbResponseTooLargeException(string message, int? statusCode, string? method, string? path, long limit, long? declaredLength)
        : base(message, statusCode, null, method, path)
    {
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The limit in bytes that the body passed.</summary>
    public long Limit { get; }

    /// <summary>The <c>Content-Length</c> the server declared, or null when it sent a body of unknown length.</summary>
    public long? DeclaredLength { get; }
}
