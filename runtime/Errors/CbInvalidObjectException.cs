namespace CbTyped;

/// <summary>An object is not valid for the operation, e.g. required fields are missing on save (cbapi's <c>InvalidObjectError</c>).</summary>
public sealed class CbInvalidObjectException : CbApiException
{
    /// <summary>Creates an invalid-object error.</summary>
    public CbInvalidObjectException(string message) : base(message) { }
}
