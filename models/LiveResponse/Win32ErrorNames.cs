namespace CbTyped.Response;

/// <summary>
/// Names of the HRESULTs a Live Response command commonly fails with (cbapi decodes them with <c>win32_error_message</c>,
/// which uses the Windows API; this table covers the codes a sensor reports for file, process and registry commands).
/// </summary>
internal static class Win32ErrorNames
{
    private static readonly Dictionary<uint, string> Names = new()
    {
        [0x80070002] = "ERROR_FILE_NOT_FOUND",
        [0x80070003] = "ERROR_PATH_NOT_FOUND",
        [0x80070005] = "ERROR_ACCESS_DENIED",
        [0x80070020] = "ERROR_SHARING_VIOLATION",
        [0x80070050] = "ERROR_FILE_EXISTS",
        [0x80070057] = "ERROR_INVALID_PARAMETER",
        [0x800700B7] = "ERROR_ALREADY_EXISTS",
        [0x80070091] = "ERROR_DIR_NOT_EMPTY",
        [0x80004005] = "E_FAIL",
    };

    public static string? Find(int code) => Names.GetValueOrDefault(unchecked((uint)code));
}
