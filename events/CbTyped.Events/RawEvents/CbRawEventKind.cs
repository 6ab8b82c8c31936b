namespace CbTyped.Events.RawEvents;

/// <summary>What a raw sensor event is about: decided by which sub-message of <c>CbEventMsg</c> is set, in the
/// forwarder's order of precedence (the routing key is not consulted: bundle records have none).</summary>
public enum CbRawEventKind
{
    /// <summary>None of the rendered sub-messages (statistics, VirusTotal, process metadata, blocked netconns, ...).</summary>
    Other,
    /// <summary>Process start or end (<c>process</c>).</summary>
    Process,
    /// <summary>Module load (<c>modload</c>).</summary>
    ModuleLoad,
    /// <summary>File modification (<c>filemod</c>).</summary>
    FileMod,
    /// <summary>Network connection (<c>networkv2</c> or the older <c>network</c>).</summary>
    NetConn,
    /// <summary>Registry modification (<c>regmod</c>).</summary>
    RegMod,
    /// <summary>Child process started or ended (<c>childproc</c>).</summary>
    ChildProcess,
    /// <summary>Handle opened in, or thread created in, another process (<c>crossproc</c>).</summary>
    CrossProcess,
    /// <summary>EMET mitigation (<c>emet</c>).</summary>
    EmetMitigation,
    /// <summary>AMSI script content (<c>scriptexe</c>).</summary>
    ScriptExecute,
    /// <summary>Sensor tamper alert (<c>tamperAlert</c>).</summary>
    Tamper,
    /// <summary>Process blocked by a hash ban (<c>blocked</c>).</summary>
    ProcessBlocked,
    /// <summary>Binary (PE) information (<c>module</c>).</summary>
    ModuleInfo,
}
