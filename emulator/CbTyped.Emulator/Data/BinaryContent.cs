namespace CbTyped.Emulator.Data;

/// <summary>
/// Generates a binary's bytes on demand: a PE-looking header ("MZ", DOS stub text, "PE\0\0") then deterministic
/// pseudo-random bytes. Same binary → same bytes, and nothing is held in memory beyond one chunk.
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
                WriteHeader(buffer, count);
                first = false;
            }

            await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken);
            written += count;
        }
    }

    private static void WriteHeader(byte[] buffer, int count)
    {
        if (count < 0x84)
        {
            "MZ"u8[..Math.Min(2, count)].CopyTo(buffer);
            return;
        }

        buffer.AsSpan(0, 0x84).Clear();
        "MZ"u8.CopyTo(buffer);
        buffer[0x3c] = 0x80;
        "This program cannot be run in DOS mode.\r\r\n$"u8.CopyTo(buffer.AsSpan(0x4e));
        "PE\0\0"u8.CopyTo(buffer.AsSpan(0x80));
    }
}
