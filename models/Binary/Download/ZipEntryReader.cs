using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CbTyped.Response.Download;

/// <summary>
/// Finds one entry of a zip that arrives as a forward-only stream (an HTTP body) and hands back its content as a
/// stream, reading the zip's local file headers itself.
/// </summary>
/// <remarks>
/// Hand-written because <see cref="ZipArchive"/> needs a seekable stream to read (it starts from the central
/// directory at the end of the file), so it would have to buffer the whole download — 100 MB for a large binary.
/// Local headers come first, so the entry can be streamed as it arrives: stored data is passed through, deflated data
/// goes through <see cref="DeflateStream"/>. Entries written with a data descriptor (sizes after the data, as any
/// streaming zip writer does) are handled too: deflate finds its own end; stored data ends at the descriptor whose
/// size field equals the bytes seen so far.
/// </remarks>
internal static class ZipEntryReader
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int LocalHeaderLength = 30;
    private const ushort DataDescriptorFlag = 0x0008;
    private const ushort Stored = 0;
    private const ushort Deflated = 8;

    /// <summary>The content of the entry named <paramref name="entryName"/>; reading it reads <paramref name="source"/>.</summary>
    /// <exception cref="InvalidDataException">The stream is not a zip, or has no such entry.</exception>
    public static async Task<Stream> OpenEntryAsync(Stream source, string entryName, CancellationToken cancellationToken)
    {
        byte[] header = new byte[LocalHeaderLength];
        while (true)
        {
            if (!await ReadExactlyOrEndAsync(source, header, cancellationToken).ConfigureAwait(false)
                || BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature)
            {
                // The central directory (or the end) came before the entry.
                throw new InvalidDataException($"The download has no '{entryName}' entry.");
            }

            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(6));
            ushort method = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(8));
            long compressedSize = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(18));
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26));
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            byte[] nameAndExtra = new byte[nameLength + extraLength];
            await source.ReadExactlyAsync(nameAndExtra, cancellationToken).ConfigureAwait(false);
            string name = Encoding.UTF8.GetString(nameAndExtra, 0, nameLength);
            if (compressedSize == uint.MaxValue)
            {
                compressedSize = Zip64CompressedSize(nameAndExtra.AsSpan(nameLength)) ?? compressedSize;
            }

            bool sizeFollowsData = (flags & DataDescriptorFlag) != 0;
            if (name != entryName)
            {
                if (sizeFollowsData)
                {
                    throw new InvalidDataException($"The entry '{name}' before '{entryName}' has no size in its header, so it cannot be skipped while streaming.");
                }

                await SkipAsync(source, compressedSize, cancellationToken).ConfigureAwait(false);
                continue;
            }

            return method switch
            {
                Stored when sizeFollowsData => new StoredUntilDescriptorStream(source),
                Stored => new LengthLimitedStream(source, compressedSize),
                Deflated when sizeFollowsData => new DeflateStream(source, CompressionMode.Decompress, leaveOpen: true),
                Deflated => new DeflateStream(new LengthLimitedStream(source, compressedSize), CompressionMode.Decompress),
                _ => throw new InvalidDataException($"The entry '{entryName}' uses compression method {method}; only stored and deflate are supported."),
            };
        }
    }

    private static long? Zip64CompressedSize(ReadOnlySpan<byte> extra)
    {
        // Extra field 0x0001: uncompressed size (8), compressed size (8), ... when the header says 0xFFFFFFFF.
        while (extra.Length >= 4)
        {
            ushort id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (id == 0x0001 && size >= 16 && extra.Length >= 4 + size)
            {
                return BinaryPrimitives.ReadInt64LittleEndian(extra[12..]);
            }

            extra = extra[Math.Min(extra.Length, 4 + size)..];
        }

        return null;
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        int read = await source.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return read == buffer.Length;
    }

    private static async Task SkipAsync(Stream source, long count, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[(int)Math.Min(count, 81920)];
        while (count > 0)
        {
            int read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(count, buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("The download ended inside a zip entry.");
            }

            count -= read;
        }
    }
}
