using System.ComponentModel;

namespace CbTyped;

/// <summary>A read-only, forward-only stream over a response body that disposes what owns the body (the HTTP response, or the
/// streamed download a zip entry is read from) with it.</summary>
/// <remarks>
/// For generated code and CbTyped.Response's partials (binary download, Live Response file get): what they hand a
/// caller owns the response it reads from. Not meant to be called directly; it may change between versions.
/// </remarks>
/// <param name="response">What the body belongs to (the HTTP response, or a download stream); disposed with the stream.</param>
/// <param name="body">The body (or a view of it, such as a zip entry) that reads return.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbResponseBodyStream(IDisposable response, Stream body) : Stream
{
    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => body.Read(buffer, offset, count);

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer) => body.Read(buffer);

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        body.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        body.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            body.Dispose();
            response.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await body.DisposeAsync().ConfigureAwait(false);
        if (response is IAsyncDisposable asyncOwner)
            await asyncOwner.DisposeAsync().ConfigureAwait(false);
        else
            response.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
