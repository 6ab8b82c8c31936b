namespace CbTyped.Response;

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

    /// <summary>
    /// The source process (cbapi's <c>source_proc</c>): this event's process unless <see cref="IsTarget"/>, else the
    /// other process, fetched on first call through the identity cache; null when the server does not have it.
    /// </summary>
    public Task<Process?> GetSourceProcessAsync(CancellationToken cancellationToken = default) =>
        IsTarget ? Process.GetRelatedProcessAsync(OtherProcessUniqueId, cancellationToken) : Task.FromResult<Process?>(Process);

    /// <summary>
    /// The target process (cbapi's <c>target_proc</c>): the other process unless <see cref="IsTarget"/>, fetched on
    /// first call through the identity cache; null when the server does not have it.
    /// </summary>
    public Task<Process?> GetTargetProcessAsync(CancellationToken cancellationToken = default) =>
        IsTarget ? Task.FromResult<Process?>(Process) : Process.GetRelatedProcessAsync(OtherProcessUniqueId, cancellationToken);

    /// <summary>True when the access mask includes the named right (e.g. <c>PROCESS_VM_READ</c>).</summary>
    public bool HasPermission(string name) => ProcessAccessRights.Has(PrivilegeCode, name);

    /// <inheritdoc />
    public override string EventType => "crossproc";
}
