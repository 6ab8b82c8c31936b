namespace CbTyped;

/// <summary>
/// The credentials could not be found or are not usable: a missing file, profile, URL or token, a bad boolean, a file
/// that does not parse, or a plain-http URL that was not explicitly allowed (cbapi's <c>CredentialError</c>).
/// </summary>
public sealed class CbCredentialsException : CbApiException
{
    /// <summary>Creates a credentials error.</summary>
    public CbCredentialsException(string message, Exception? innerException = null) : base(message, innerException) { }
}
