namespace CbTyped;

/// <summary>The request did not complete within the configured timeout (cbapi's <c>TimeoutError</c>).</summary>
public sealed class CbTimeoutException : CbApiException
{
    /// <summary>Creates a timeout error for a request.</summary>
    public CbTimeoutException(string message, string? method, string? path, Exception? innerException = null)
        : base(message, null, null, method, path, innerException) { }

    /// <summary>Creates a timeout error that is not about one request (e.g. waiting for a sensor to isolate).</summary>
    public CbTimeoutException(string message) : base(message) { }
}
