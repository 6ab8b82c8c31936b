namespace CbTyped.Emulator.Data;

/// <summary>
/// Generates a binary's bytes on demand: a PE-looking header ("MZ", DOS stub text, "PE\0\0" and a COFF file header
/// with the machine and link time) then deterministic pseudo-random bytes. Same binary → same bytes, and nothing is held in memory beyond one chunk.
/// </summary>
internal static class BinaryContent
{
    private const int ChunkSize = 64 * 1024;

    public static async Task WriteAsync(Stream destination, BinaryRecord binary, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        var state = (ulong)(binary.ContentSeed + 1) * 0x9E3779B97F4A7C15UL;
        long written = 0;
        var first = true;
        while (written < binary.Size)
        {
            var count = (int)Math.Min(ChunkSize, binary.Size - written);
            for (var i = 0; i < count; i += 8)
            {
                // xorshift64*: fast, repeatable filler.
                state ^= state >> 12;
                state ^= state << 25;
                state ^= state >> 27;
                var value = state * 0x2545F4914F6CDD1DUL;
                for (var b = 0; b < 8 && i + b < count; b++)
                {
                    buffer[i + b] = (byte)(value >> (8 * b));
                }
            }

            if (first)
            {
                WriteHeader(buffer, count, binary);
                first = false;
            }

            await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            written += count;
        }
    }

    /// <summary>
    /// The COFF header's TimeDateStamp: a day before the binary was signed (or before the server first saw it), to
    /// the second, as tools such as pefile read it.
    /// </summary>
    public static DateTime LinkTime(BinaryRecord binary)
    {
        var time = (binary.DigsigSignTime ?? binary.ServerAdded).AddDays(-1);
        return time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
    }

    private static void WriteHeader(byte[] buffer, int count, BinaryRecord binary)
    {
        const int CoffEnd = 0x98;
        if (count < CoffEnd)
        {
            "MZ"u8[..Math.Min(2, count)].CopyTo(buffer);
            return;
        }

        buffer.AsSpan(0, CoffEnd).Clear();
        "MZ"u8.CopyTo(buffer);
        buffer[0x3c] = 0x80;
        "This program cannot be run in DOS mode.\r\r\n$"u8.CopyTo(buffer.AsSpan(0x4e));
        "PE\0\0"u8.CopyTo(buffer.AsSpan(0x80));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(buffer.AsSpan(0x84), binary.Is64Bit ? (ushort)0x8664 : (ushort)0x014c);
        var seconds = (uint)new DateTimeOffset(LinkTime(binary), TimeSpan.Zero).ToUnixTimeSeconds();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(0x88), seconds);
    }
}
