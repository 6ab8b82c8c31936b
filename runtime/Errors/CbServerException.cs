namespace CbTyped;

/// <summary>
/// HTTP 5xx, an <c>errorMessage</c> in a response, a body that is not the JSON it should be, or a save/delete the
/// server did not accept (cbapi's <c>ServerError</c>).
/// </summary>
public sealed class CbServerException : CbApiException
{
    /// <summary>Creates a server error about one HTTP exchange.</summary>
    public CbServerException(string message, int? statusCode, string? serverMessage, string? method, string? path, Exception? innerException = null)
        : base(message, statusCode, serverMessage, method, path, innerException) { }
}
