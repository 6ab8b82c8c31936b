namespace CbTyped.Response;

/// <summary>What every process event has: when, its position in the process's event list, and the process.</summary>
public abstract record ProcessEvent
{
    /// <summary>When it happened (the sensor's clock; the server writes no time zone, so it is read as UTC).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The event's position in its list (0-based), as cbapi numbers them.</summary>
    public int Sequence { get; init; }

    /// <summary>The process the event belongs to.</summary>
    public required Process Process { get; init; }

    /// <summary>True when the sensor flagged the event as tampering.</summary>
    public bool IsTampered { get; init; }

    /// <summary>The event kind: modload, filemod, regmod, netconn, childproc, crossproc or processblock.</summary>
    public abstract string EventType { get; }
}

/// <summary>A module (DLL) load.</summary>
public sealed record ModLoadEvent : ProcessEvent
{
    /// <summary>The module's MD5 (upper case).</summary>
    public string? Md5 { get; init; }

    /// <summary>The module's path.</summary>
    public string? Path { get; init; }

    /// <summary>The module's SHA-256 (7.x servers).</summary>
    public string? Sha256 { get; init; }

    /// <summary>True when the event document's <c>binaries</c> table says the module is signed; null when it does not say.</summary>
    public bool? IsSigned { get; init; }

    /// <inheritdoc />
    public override string EventType => "modload";

    /// <summary>The module's <see cref="Response.Binary"/> (through the identity cache).</summary>
    public Task<Binary> GetBinaryAsync(CancellationToken cancellationToken = default) =>
        Process.Client is { } client && Md5 is { } md5
            ? client.GetAsync<Binary>(md5, cancellationToken)
            : throw new InvalidOperationException("The event's process is not attached to a client, or the event has no MD5.");
}

/// <summary>What a file modification did (cbapi's filemod types).</summary>
public enum FileModType
{
    /// <summary>A value Cb did not document.</summary>
    Unknown = 0,
    /// <summary>1: the file was created.</summary>
    CreatedFile = 1,
    /// <summary>2: the first write to the file.</summary>
    FirstWrote = 2,
    /// <summary>4: the file was deleted.</summary>
    Deleted = 4,
    /// <summary>8: the last write to the file.</summary>
    LastWrote = 8,
}

/// <summary>The kind of file written (cbapi's filetype table).</summary>
public enum FileModFileType
{
    /// <summary>Not reported or not in the table.</summary>
    Unknown = 0,
    /// <summary>Windows PE.</summary>
    PE = 1,
    /// <summary>ELF.</summary>
    Elf = 2,
    /// <summary>Mach-O / universal binary.</summary>
    MachO = 3,
    /// <summary>The EICAR test file.</summary>
    Eicar = 8,
    /// <summary>DOC.</summary>
    Doc = 0x10,
    /// <summary>DOCX.</summary>
    Docx = 0x11,
    /// <summary>PDF.</summary>
    Pdf = 0x30,
    /// <summary>ZIP.</summary>
    Zip = 0x40,
    /// <summary>LZH.</summary>
    Lzh = 0x41,
    /// <summary>LZW.</summary>
    Lzw = 0x42,
    /// <summary>RAR.</summary>
    Rar = 0x43,
    /// <summary>TAR.</summary>
    Tar = 0x44,
    /// <summary>7-Zip.</summary>
    SevenZip = 0x45,
}

/// <summary>A file modification.</summary>
public sealed record FileModEvent : ProcessEvent
{
    /// <summary>What happened to the file.</summary>
    public FileModType Type { get; init; }

    /// <summary>The file's path.</summary>
    public string? Path { get; init; }

    /// <summary>The MD5 after the last write (empty otherwise).</summary>
    public string? Md5 { get; init; }

    /// <summary>The kind of file.</summary>
    public FileModFileType FileType { get; init; }

    /// <inheritdoc />
    public override string EventType => "filemod";
}

/// <summary>What a registry modification did.</summary>
public enum RegModType
{
    /// <summary>A value Cb did not document.</summary>
    Unknown = 0,
    /// <summary>1: a key was created.</summary>
    CreatedKey = 1,
    /// <summary>2: the first write to a value.</summary>
    FirstWrote = 2,
    /// <summary>4: a key was deleted.</summary>
    DeletedKey = 4,
    /// <summary>8: a value was deleted.</summary>
    DeletedValue = 8,
}

/// <summary>A registry modification.</summary>
public sealed record RegModEvent : ProcessEvent
{
    /// <summary>What happened.</summary>
    public RegModType Type { get; init; }

    /// <summary>The key or value path.</summary>
    public string? Path { get; init; }

    /// <inheritdoc />
    public override string EventType => "regmod";
}

/// <summary>A network connection.</summary>
public sealed record NetConnEvent : ProcessEvent
{
    /// <summary>The remote address, dotted (the server sends an integer before 6.0).</summary>
    public string? RemoteIp { get; init; }

    /// <summary>The remote port.</summary>
    public int RemotePort { get; init; }

    /// <summary>The local address (v2+ event documents).</summary>
    public string? LocalIp { get; init; }

    /// <summary>The local port (v2+).</summary>
    public int? LocalPort { get; init; }

    /// <summary>The proxy address (v2+).</summary>
    public string? ProxyIp { get; init; }

    /// <summary>The proxy port (v2+).</summary>
    public int? ProxyPort { get; init; }

    /// <summary>The IP protocol number (6 TCP, 17 UDP).</summary>
    public int ProtocolNumber { get; init; }

    /// <summary>The protocol's name, e.g. <c>IPPROTO_TCP</c>; <c>Unknown</c> for a number without a name.</summary>
    public string Protocol => IpProtocolNames.NameOf(ProtocolNumber);

    /// <summary>The DNS name, when the sensor saw one.</summary>
    public string? Domain { get; init; }

    /// <summary>True for an outbound connection.</summary>
    public bool IsOutbound { get; init; }

    /// <summary><c>Outbound</c> or <c>Inbound</c>.</summary>
    public string Direction => IsOutbound ? "Outbound" : "Inbound";

    /// <inheritdoc />
    public override string EventType => "netconn";
}

/// <summary>A child process start or end.</summary>
public sealed record ChildProcEvent : ProcessEvent
{
    /// <summary>The child's unique id (GUID + segment).</summary>
    public string? ChildUniqueId { get; init; }

    /// <summary>The child's MD5.</summary>
    public string? Md5 { get; init; }

    /// <summary>The child's path.</summary>
    public string? Path { get; init; }

    /// <summary>The child's pid.</summary>
    public int? Pid { get; init; }

    /// <summary>True for the end of the child (false for its start).</summary>
    public bool IsTerminated { get; init; }

    /// <summary>The child's command line (v3+).</summary>
    public string? CommandLine { get; init; }

    /// <summary>The child's user (v3+).</summary>
    public string? UserName { get; init; }

    /// <summary>True when the server suppressed the child's own document (v3+).</summary>
    public bool IsSuppressed { get; init; }

    /// <inheritdoc />
    public override string EventType => "childproc";

    /// <summary>The child process (its summary, through the identity cache).</summary>
    public async Task<Process> GetChildProcessAsync(CancellationToken cancellationToken = default)
    {
        if (!ProcessGuid.TrySplitUniqueId(ChildUniqueId, out string guid, out _) || Process.Client is not CbResponseClient client)
        {
            throw new InvalidOperationException("The event has no child id, or its process is not attached to a client.");
        }

        var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        return await Process.Client!.GetAsync<Process>(Process.KeyFor(guid, info.DefaultProcessSegment), cancellationToken).ConfigureAwait(false);
    }
}

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

/// <summary>A cross-process event (remote thread, process or thread handle).</summary>
public sealed record CrossProcEvent : ProcessEvent
{
    /// <summary>What kind of access.</summary>
    public CrossProcType Type { get; init; }

    /// <summary>The access mask requested.</summary>
    public int PrivilegeCode { get; init; }

    /// <summary>The access mask as text (named rights joined with <c> | </c>).</summary>
    public string Privileges => ProcessAccessRights.Describe(PrivilegeCode);

    /// <summary>True when this process was the target (the other side is the source).</summary>
    public bool IsTarget { get; init; }

    /// <summary>The other process's unique id.</summary>
    public string? OtherProcessUniqueId { get; init; }

    /// <summary>The other process's MD5.</summary>
    public string? OtherMd5 { get; init; }

    /// <summary>The other process's path.</summary>
    public string? OtherPath { get; init; }

    /// <summary>The source process's unique id (this process unless <see cref="IsTarget"/>).</summary>
    public string? SourceProcessUniqueId => IsTarget ? OtherProcessUniqueId : Process.UniqueId;

    /// <summary>The target process's unique id (the other process unless <see cref="IsTarget"/>).</summary>
    public string? TargetProcessUniqueId => IsTarget ? Process.UniqueId : OtherProcessUniqueId;

    /// <summary>The target's MD5.</summary>
    public string? TargetMd5 => IsTarget ? Process.ProcessMd5 : OtherMd5;

    /// <summary>The target's path.</summary>
    public string? TargetPath => IsTarget ? Process.Path : OtherPath;

    /// <summary>True when the access mask includes the named right (e.g. <c>PROCESS_VM_READ</c>).</summary>
    public bool HasPermission(string name) => ProcessAccessRights.Has(PrivilegeCode, name);

    /// <inheritdoc />
    public override string EventType => "crossproc";
}

/// <summary>A process the sensor blocked (banning).</summary>
public sealed record ProcessBlockEvent : ProcessEvent
{
    /// <summary>The block type.</summary>
    public string? BlockType { get; init; }

    /// <summary>The block event.</summary>
    public string? BlockEvent { get; init; }

    /// <summary>The block result.</summary>
    public string? BlockResult { get; init; }

    /// <summary>The block error.</summary>
    public string? BlockError { get; init; }

    /// <summary>The blocked binary's MD5.</summary>
    public string? BlockedMd5 { get; init; }

    /// <summary>The blocked path.</summary>
    public string? BlockedPath { get; init; }

    /// <summary>The blocked command line.</summary>
    public string? BlockedCommandLine { get; init; }

    /// <summary>The blocked user id.</summary>
    public string? BlockedUid { get; init; }

    /// <summary>The blocked user name.</summary>
    public string? BlockedUserName { get; init; }

    /// <inheritdoc />
    public override string EventType => "processblock";
}
