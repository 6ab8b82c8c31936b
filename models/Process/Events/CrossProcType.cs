namespace CbTyped.Response;

/// <summary>The kind of cross-process access.</summary>
public enum CrossProcType
{
    /// <summary>Not one of the documented kinds.</summary>
    Unknown = 0,
    /// <summary>A thread was started in another process.</summary>
    RemoteThread,
    /// <summary>A handle to another process was opened.</summary>
    ProcessOpen,
    /// <summary>A handle to a thread of another process was opened (ProcessOpen with subtype 2).</summary>
    ThreadOpen,
}
