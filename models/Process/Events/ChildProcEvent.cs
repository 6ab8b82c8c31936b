namespace CbTyped.Response;

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
