using System.Management.Automation;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// SDK exceptions as PowerShell <see cref="ErrorRecord"/>s: an error id, a category a script can test
/// (<c>$_.CategoryInfo.Category</c>) and the object the error is about. The SDK's messages never contain the token,
/// and neither does anything added here.
/// </summary>
internal static class CbErrorRecords
{
    /// <summary>Errors a cmdlet reports as records; anything else is a bug and stays an exception.</summary>
    public static bool IsReportable(Exception ex) =>
        ex is CbApiException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException;

    public static ErrorRecord From(Exception ex, object? target)
    {
        var (id, category) = ex switch
        {
            CbObjectNotFoundException => ("ObjectNotFound", ErrorCategory.ObjectNotFound),
            CbUnauthorizedException => ("Unauthorized", ErrorCategory.PermissionDenied),
            CbQuerySyntaxException => ("QuerySyntax", ErrorCategory.InvalidArgument),
            CbMoreThanOneResultException => ("MoreThanOneResult", ErrorCategory.LimitsExceeded),
            CbResponseTooLargeException => ("ResponseTooLarge", ErrorCategory.LimitsExceeded),
            CbTimeoutException => ("Timeout", ErrorCategory.OperationTimeout),
            CbConnectionException => ("ConnectionFailed", ErrorCategory.ConnectionError),
            CbCredentialsException => ("InvalidCredentials", ErrorCategory.AuthenticationError),
            CbUnsupportedServerException => ("UnsupportedServer", ErrorCategory.NotImplemented),
            CbInvalidObjectException => ("InvalidObject", ErrorCategory.InvalidData),
            CbServerException => ("ServerError", ErrorCategory.InvalidResult),
            LiveResponseException => ("LiveResponseFailed", ErrorCategory.InvalidOperation),
            // 409 and the server's "already exists" answers (banning a banned hash).
            CbClientException { StatusCode: 409 } => ("AlreadyExists", ErrorCategory.ResourceExists),
            CbClientException => ("RequestRejected", ErrorCategory.InvalidOperation),
            CbApiException => ("CbApiError", ErrorCategory.NotSpecified),
            UnauthorizedAccessException => ("AccessDenied", ErrorCategory.PermissionDenied),
            IOException => ("IOError", ErrorCategory.WriteError),
            ArgumentException => ("InvalidArgument", ErrorCategory.InvalidArgument),
            _ => ("InvalidOperation", ErrorCategory.InvalidOperation),
        };
        var record = new ErrorRecord(ex, "CbTyped." + id, category, target);
        if (ex is CbApiException { RequestLine: { } request })
            record.ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = "The failed request: " + request };
        return record;
    }
}
