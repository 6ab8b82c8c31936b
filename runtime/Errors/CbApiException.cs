namespace CbTyped;

/// <summary>
/// The base of every error the CbTyped runtime raises (cbapi's <c>ApiError</c>). It carries the HTTP status, the
/// server's message, and the request's method and path (never the host's credentials: the API token is sent only as a
/// header and never appears in any of these).
/// </summary>
public class CbApiException : Exception
{
    /// <summary>Creates an error with a message.</summary>
    public CbApiException(string message) : base(message) { }

    /// <summary>Creates an error with a message and its cause.</summary>
    public CbApiException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>Creates an error about one HTTP exchange.</summary>
    public CbApiException(string message, int? statusCode, string? serverMessage, string? method, string? path, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        Method = method;
        Path = path;
    }

    /// <summary>The HTTP status code, or null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The server's own explanation (response body or its <c>errorMessage</c>/<c>reason</c>), when it sent one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The HTTP method of the failed request (GET, POST, …), when the error is about a request.</summary>
    public string? Method { get; }

    /// <summary>The path and query of the failed request, without the host (e.g. <c>/api/v1/process?q=…</c>).</summary>
    public string? Path { get; }

    /// <summary>"GET /api/v1/sensor/3", or null when the error is not about a request.</summary>
    public string? RequestLine => Method is null ? null : Method + " " + Path;
}
