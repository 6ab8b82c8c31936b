using System.Buffers.Binary;

namespace CbTyped.Response.Download;

/// <summary>
/// Stored (uncompressed) zip data whose size comes after it, in a data descriptor
/// (<c>PK\x07\x08</c>, CRC-32, compressed size, uncompressed size; 4- or 8-byte sizes). The data ends where such a
/// descriptor names exactly the number of bytes passed on so far, so file content that happens to contain the
/// signature is not mistaken for the end. Holds one fixed buffer: memory stays constant whatever the size.
/// </summary>
internal sealed class StoredUntilDescriptorStream(Stream inner) : Stream
{
    private const uint Signature = 0x08074b50;
    private const int LongestDescriptor = 24; // signature + CRC + two 8-byte sizes
    private readonly byte[] _buffer = new byte[128 * 1024];
    private int _start;
    private int _end;
    // Buffer positions below this were checked with all the bytes a descriptor needs after them: none starts there, and
    // since a candidate's verdict depends only on its position and bytes, a later call need not look at them again.
    private int _checkedTo;
    private long _emitted;
    private bool _innerEnded;
    private bool _done;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (!_done && destination.Length > 0)
        {
            // Pass on bytes that cannot be part of the descriptor: everything before a verified descriptor, or all
            // but the last LongestDescriptor bytes while more data may follow.
            int available = _end - _start;
            int descriptorAt = FindDescriptor();
            int safe = descriptorAt >= 0 ? descriptorAt - _start : _innerEnded ? available : Math.Max(0, available - LongestDescriptor);
            if (safe > 0)
            {
                int count = Math.Min(safe, destination.Length);
                _buffer.AsSpan(_start, count).CopyTo(destination.Span);
                _start += count;
                _emitted += count;
                return count;
            }

            if (descriptorAt >= 0)
            {
                _done = true;
                break;
            }

            if (_innerEnded)
            {
                throw new EndOfStreamException("The download ended before the zip entry's data descriptor.");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The buffer index of a descriptor that names exactly the bytes before it, or -1.</summary>
    private int FindDescriptor()
    {
        int from = Math.Max(_start, _checkedTo);
        ReadOnlySpan<byte> data = _buffer.AsSpan(from, _end - from);
        long emittedAtFrom = _emitted + (from - _start);
        for (int i = data.IndexOf("PK\x07\x08"u8); i >= 0;)
        {
            long sizeBefore = emittedAtFrom + i;
            ReadOnlySpan<byte> candidate = data[i..];
            if (candidate.Length >= 16 && BinaryPrimitives.ReadUInt32LittleEndian(candidate) == Signature
                && BinaryPrimitives.ReadUInt32LittleEndian(candidate[8..]) == (uint)sizeBefore
                && BinaryPrimitives.ReadUInt32LittleEndian(candidate[12..]) == (uint)sizeBefore)
            {
                return from + i;
            }

            if (candidate.Length >= 24 && BinaryPrimitives.ReadInt64LittleEndian(candidate[8..]) == sizeBefore
                && BinaryPrimitives.ReadInt64LittleEndian(candidate[16..]) == sizeBefore)
            {
                return from + i;
            }

            int next = data[(i + 1)..].IndexOf("PK\x07\x08"u8);
            i = next < 0 ? -1 : i + 1 + next;
        }

        _checkedTo = Math.Max(from, _end - LongestDescriptor + 1);
        return -1;
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _checkedTo = Math.Max(0, _checkedTo - _start);
            _start = 0;
        }

        int read = await inner.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _innerEnded = true;
        }

        _end += read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
