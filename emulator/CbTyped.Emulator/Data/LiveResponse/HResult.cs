namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>
/// The Windows HRESULTs an errored Live Response command reports in <c>result_code</c> (signed, as the server sends
/// them). The contract fixes the first two; the others are what Windows answers in the same situation.
/// </summary>
internal static class HResult
{
    /// <summary>0x80070002 ERROR_FILE_NOT_FOUND: a file, directory, registry key or value that does not exist.</summary>
    public const int FileNotFound = unchecked((int)0x80070002);

    /// <summary>0x80070057 E_INVALIDARG: e.g. kill of a pid that is not running.</summary>
    public const int InvalidArgument = unchecked((int)0x80070057);

    /// <summary>0x80070005 E_ACCESSDENIED: deleting a registry key that still has sub keys (RegDeleteKey refuses).</summary>
    public const int AccessDenied = unchecked((int)0x80070005);

    /// <summary>0x800700B7 ERROR_ALREADY_EXISTS: a name taken by the other kind of object, or a value without overwrite.</summary>
    public const int AlreadyExists = unchecked((int)0x800700B7);

    /// <summary>0x80070091 ERROR_DIR_NOT_EMPTY: deleting a directory that still has entries.</summary>
    public const int DirectoryNotEmpty = unchecked((int)0x80070091);
}
