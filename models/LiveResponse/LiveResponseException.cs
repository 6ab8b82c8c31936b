using System.Globalization;

namespace CbTyped.Response;

/// <summary>
/// A Live Response command ended in <c>error</c> (or was cancelled) on the sensor (cbapi's <c>LiveResponseError</c>):
/// e.g. a file that does not exist (<c>WinHresult</c> 0x80070002). The message is cbapi's
/// ("Win32 error code 0x80070002 (ERROR_FILE_NOT_FOUND)") after the command's name.
/// </summary>
public sealed class LiveResponseException : CbApiException
{
    /// <summary>Creates the error for one failed command.</summary>
    public LiveResponseException(string commandName, int commandId, string status, string? resultType, int? resultCode, string? resultDescription)
        : base(BuildMessage(commandName, status, resultType, resultCode, resultDescription))
    {
        CommandName = commandName;
        CommandId = commandId;
        Status = status;
        ResultType = resultType;
        ResultCode = resultCode;
        ResultDescription = resultDescription;
    }

    /// <summary>The command's name, e.g. <c>get file</c>.</summary>
    public string CommandName { get; }

    /// <summary>The command's id within its session.</summary>
    public int CommandId { get; }

    /// <summary>The command's final status: <c>error</c> or <c>cancel</c>.</summary>
    public string Status { get; }

    /// <summary><c>result_type</c>, e.g. <c>WinHresult</c>.</summary>
    public string? ResultType { get; }

    /// <summary><c>result_code</c> (an HRESULT for <c>WinHresult</c>, e.g. -2147024894 = 0x80070002).</summary>
    public int? ResultCode { get; }

    /// <summary><c>result_desc</c> (often empty).</summary>
    public string? ResultDescription { get; }

    /// <summary>The Win32 name of <see cref="ResultCode"/> when it is a <c>WinHresult</c> this SDK knows, e.g. <c>ERROR_FILE_NOT_FOUND</c>.</summary>
    public string? Win32ErrorName => ResultType == "WinHresult" && ResultCode is int code ? Win32ErrorNames.Find(code) : null;

    private static string BuildMessage(string commandName, string status, string? resultType, int? resultCode, string? resultDescription)
    {
        string detail;
        if (status == "cancel")
        {
            detail = "the command was cancelled";
        }
        else if (resultType == "WinHresult")
        {
            // cbapi's wording: "Win32 error code 0x%08X (NAME)".
            detail = resultCode is int code
                ? "Win32 error code 0x" + code.ToString("X8", CultureInfo.InvariantCulture)
                  + (Win32ErrorNames.Find(code) is { } name ? " (" + name + ")" : string.Empty)
                : "Unknown Win32 error code";
        }
        else
        {
            detail = $"{resultType ?? "error"} {resultCode?.ToString(CultureInfo.InvariantCulture) ?? "?"}";
        }

        if (!string.IsNullOrEmpty(resultDescription))
            detail += ": " + resultDescription;
        return $"Live Response command '{commandName}' failed: {detail}";
    }
}
