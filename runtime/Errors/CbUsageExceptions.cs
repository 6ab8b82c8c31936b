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

/// <summary>An object is not valid for the operation, e.g. required fields are missing on save (cbapi's <c>InvalidObjectError</c>).</summary>
public sealed class CbInvalidObjectException : CbApiException
{
    /// <summary>Creates an invalid-object error.</summary>
    public CbInvalidObjectException(string message) : base(message) { }
}

/// <summary>A query meant to return exactly one object returned none or several (cbapi's <c>MoreThanOneResultError</c>).</summary>
public sealed class CbMoreThanOneResultException : CbApiException
{
    /// <summary>Creates the error with the number of results found.</summary>
    public CbMoreThanOneResultException(string message, int resultCount) : base(message) => ResultCount = resultCount;

    /// <summary>How many results the query returned (0, or 2 when "more than one").</summary>
    public int ResultCount { get; }
}
