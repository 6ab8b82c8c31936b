using System.Buffers.Binary;

namespace CbTyped.Scripts;

/// <summary>The part of a PE file's headers cbapi's examples read with <c>pefile</c>: the COFF header's link time.</summary>
public static class PeHeader
{
    /// <summary>
    /// <c>pefile.PE(data=...).FILE_HEADER.TimeDateStamp</c> as a UTC time, reading only the headers from
    /// <paramref name="file"/>; null when the bytes are not a PE file (no <c>MZ</c>, or no <c>PE\0\0</c> where
    /// <c>e_lfanew</c> points, or a header offset past the first 64 KiB).
    /// </summary>
    public static async Task<DateTime?> ReadTimeDateStampAsync(Stream file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        var header = new byte[64 * 1024];
        var length = 0;
        int read;
        while (length < header.Length && (read = await file.ReadAsync(header.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            length += read;
        if (length < 0x40 || header[0] != 'M' || header[1] != 'Z')
            return null;
        var peOffset = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(0x3c));
        if (peOffset < 0 || peOffset > length - 24 || !header.AsSpan(peOffset, 4).SequenceEqual("PE\0\0"u8))
            return null;
        var seconds = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(peOffset + 8));
        return DateTime.UnixEpoch.AddSeconds(seconds);
    }
}
