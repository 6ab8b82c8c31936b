namespace CbTyped.Response;

/// <summary>
/// A memory dump running on the endpoint (cbapi's <c>LiveResponseMemdump</c>, from <c>start_memdump</c>): the
/// <c>memdump</c> command has been sent; <see cref="WaitAsync"/> waits for it, <see cref="GetAsync"/> fetches the
/// dump and <see cref="DeleteAsync"/> removes it from the endpoint. The session must stay open meanwhile.
/// </summary>
public sealed class LiveResponseMemdump
{
    private readonly LiveResponseSession _session;
    private int _completed;

    internal LiveResponseMemdump(LiveResponseSession session, int sessionId, int commandId, string remoteFileName)
    {
        _session = session;
        SessionId = sessionId;
        CommandId = commandId;
        RemoteFileName = remoteFileName;
    }

    /// <summary>The server session the <c>memdump</c> command runs in.</summary>
    public int SessionId { get; }

    /// <summary>The <c>memdump</c> command's id (cbapi's <c>memdump_id</c>).</summary>
    public int CommandId { get; }

    /// <summary>The file the dump is written to on the endpoint, <c>.zip</c> included when compressed (cbapi's <c>remote_filename</c>).</summary>
    public string RemoteFileName { get; }

    /// <summary>Whether <see cref="WaitAsync"/> has seen the command complete.</summary>
    public bool IsCompleted => Volatile.Read(ref _completed) != 0;

    /// <summary>
    /// Waits until the dump is written (cbapi's <c>wait()</c>): the command is polled every
    /// <see cref="LiveResponseOptions.MemdumpPollInterval"/> for up to <see cref="LiveResponseOptions.MemdumpTimeout"/>.
    /// </summary>
    /// <exception cref="LiveResponseException">The sensor could not write the dump.</exception>
    /// <exception cref="CbTimeoutException">The dump took longer than the timeout.</exception>
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        if (IsCompleted)
            return;
        await _session.WaitForMemdumpAsync(this, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _completed, 1);
    }

    /// <summary>
    /// Waits for the dump if needed, then streams it to <paramref name="destination"/> (cbapi's <c>get(local_filename)</c>).
    /// Returns the bytes written.
    /// </summary>
    public async Task<long> GetAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _session.GetFileAsync(RemoteFileName, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the dump from the endpoint (cbapi's <c>delete()</c>).</summary>
    public Task DeleteAsync(CancellationToken cancellationToken = default) => _session.DeleteFileAsync(RemoteFileName, cancellationToken);
}
