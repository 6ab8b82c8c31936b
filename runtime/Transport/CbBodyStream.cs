using System.Buffers;
using System.Globalization;

namespace CbTyped;

/// <summary>
/// A read-only view of a streamed response body with an idle timeout and a size limit. Each read may wait at most the
/// client's <see cref="CbResponseClientOptions.Timeout"/> for data (a stalled server is a <see cref="CbTimeoutException"/>,
/// not a hang or a raw <see cref="IOException"/>); the caller's cancellation token always ends a read as an
/// <see cref="OperationCanceledException"/>; a connection that breaks mid-body is a <see cref="CbConnectionException"/>;
/// past the limit a read is a <see cref="CbResponseTooLargeException"/>.
/// </summary>
internal sealed class CbBodyStream(Stream inner, TimeSpan idleTimeout, CbBodyLimit limit) : Stream
{
    private long _total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var idle = idleTimeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle?.CancelAfter(idleTimeout);
        int read;
        try
        {
            read = await inner.ReadAsync(buffer, idle?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && idle is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            throw new CbTimeoutException(
                $"Timed out reading the response body of {limit.Method} {limit.Path}: no data for " +
                $"{idleTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s after {Bytes(_total)} bytes (CbResponseClientOptions.Timeout)",
                limit.Method, limit.Path, e);
        }
        catch (OperationCanceledException e) when (idle is not null && e.CancellationToken != cancellationToken && cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled: report their token, not the linked one, so `when (e.CancellationToken == ct)` works.
            throw new OperationCanceledException(e.Message, e, cancellationToken);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CbConnectionException(
                $"The connection broke while reading the response body of {limit.Method} {limit.Path} after {Bytes(_total)} bytes: {e.Message}",
                limit.Method, limit.Path, e);
        }
        if (read > limit.MaxBytes - _total)
            throw limit.Exceeded();
        _total += read;
        return read;
    }

    private static string Bytes(long count) => count.ToString(CultureInfo.InvariantCulture);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // A synchronous read still gets the idle timeout: the underlying network read has no timeout of its own.
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override int Read(Span<byte> buffer)
    {
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = Read(rented, 0, buffer.Length);
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
