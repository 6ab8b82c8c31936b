namespace CbTyped;

/// <summary>The server could not be reached, or the connection broke (cbapi's <c>ConnectionError</c>).</summary>
public sealed class CbConnectionException : CbApiException
{
    /// <summary>Creates a connection error for a request.</summary>
    public CbConnectionException(string message, string? method, string? path, Exception? innerException = null)
        : base(message, null, null, method, path, innerException) { }
}
