namespace CbTyped;

/// <summary>HTTP 404, or a lookup that found nothing (cbapi's <c>ObjectNotFoundError</c>).</summary>
public sealed class CbObjectNotFoundException : CbClientException
{
    /// <summary>Creates a not-found error.</summary>
    public CbObjectNotFoundException(string message, int? statusCode, string? serverMessage, string? method, string? path)
        : base(message, statusCode, serverMessage, method, path) { }
}
