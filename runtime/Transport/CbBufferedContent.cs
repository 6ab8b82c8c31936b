using System.Buffers;
using System.Net;

namespace CbTyped;

/// <summary>
/// A response body read once into one array of exactly its length, which callers on the hot path take as is
/// (<see cref="Body"/>) instead of copying it out again with <c>ReadAsByteArrayAsync</c>; never longer than the
/// client's <see cref="CbResponseClientOptions.MaxResponseBytes"/>, and no size arithmetic that can overflow.
/// Why not <c>LoadIntoBufferAsync</c>: it fills a growing buffer and <c>ReadAsByteArrayAsync</c> then copies that into a
/// new array, i.e. two page-sized allocations per page. Why not a pooled page buffer that is returned afterwards:
/// generated rows keep slices of the page (lazy decoding), so the page array must live as long as its rows —
/// see docs/runtime.md, "Object pooling", for the measurement.
/// </summary>
internal sealed class CbBufferedContent : HttpContent
{
    private CbBufferedContent(byte[] body, HttpContent original)
    {
        Body = body;
        foreach (var header in original.Headers)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        Headers.ContentLength = body.Length;
    }

    /// <summary>The whole body; owned by whoever reads it (never pooled).</summary>
    public byte[] Body { get; }

    /// <summary>
    /// Reads <paramref name="response"/>'s body and puts it back as a <see cref="CbBufferedContent"/>; a body over
    /// <paramref name="limit"/> is a <see cref="CbResponseTooLargeException"/> (a declared length before any allocation).
    /// </summary>
    public static async Task LoadAsync(HttpResponseMessage response, CbBodyLimit limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var declared = original.Headers.ContentLength;
        limit.ThrowIfDeclaredOver(declared);
        var maxBytes = (int)Math.Min(limit.MaxBytes, Array.MaxLength);
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = declared is { } length && length <= maxBytes
                ? await ReadExactlyAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                : await ReadToEndAsync(stream, maxBytes, limit, cancellationToken).ConfigureAwait(false);
            response.Content = new CbBufferedContent(body, original);
        }
        original.Dispose();
    }

    /// <summary>The body of any response: without a copy when it was buffered here.</summary>
    public static async Task<byte[]> BodyOfAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content is CbBufferedContent buffered
            ? buffered.Body
            : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// How much of a declared length is allocated before any of it arrived. Up to this (every real page) the body is
    /// one array of exactly its length, filled in place; a larger declared length is believed only as the bytes come
    /// (the array doubles towards it), so a server that declares 1.9 GB and sends 10 bytes costs 32 MiB, not 1.9 GB.
    /// </summary>
    internal const int TrustedDeclaredLength = 32 * 1024 * 1024;

    /// <summary>A known length (no compression): one array of exactly that length at the end.</summary>
    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        if (length == 0)
            return [];
        var body = GC.AllocateUninitializedArray<byte>(Math.Min(length, TrustedDeclaredLength));
        var filled = 0;
        while (true)
        {
            // EndOfStreamException (an IOException) if the body is cut short of its length.
            await stream.ReadExactlyAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            filled = body.Length;
            if (filled == length)
                return body;
            var larger = GC.AllocateUninitializedArray<byte>(NextCapacity(filled, length));
            body.AsSpan().CopyTo(larger);
            body = larger;
        }
    }

    /// <summary>
    /// An unknown length (chunked or decompressed): pooled, growing scratch buffers, then one exact copy. Stops with
    /// <see cref="CbResponseTooLargeException"/> as soon as the body passes <paramref name="maxBytes"/>.
    /// </summary>
    private static async Task<byte[]> ReadToEndAsync(Stream stream, int maxBytes, CbBodyLimit limit, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Clamp(maxBytes, 1, 16 * 1024));
        var capacity = Math.Min(buffer.Length, maxBytes);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == capacity)
                {
                    if (capacity == maxBytes)
                    {
                        if (await HasMoreAsync(stream, cancellationToken).ConfigureAwait(false))
                            throw limit.Exceeded();
                        return buffer.AsSpan(0, length).ToArray();
                    }
                    var larger = ArrayPool<byte>.Shared.Rent(NextCapacity(capacity, maxBytes));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    capacity = Math.Min(buffer.Length, maxBytes);
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length, capacity - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    return buffer.AsSpan(0, length).ToArray();
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Double <paramref name="current"/>, never past <paramref name="max"/> (≤ <see cref="Array.MaxLength"/>): no overflow past 1 GiB.</summary>
    internal static int NextCapacity(int current, int max) => (int)Math.Min(Math.Max((long)current * 2, 1), max);

    /// <summary>Whether the stream has another byte, once the buffer is full at the limit.</summary>
    private static async Task<bool> HasMoreAsync(Stream stream, CancellationToken cancellationToken) =>
        await stream.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) > 0;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        stream.WriteAsync(Body, 0, Body.Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Body, cancellationToken).AsTask();

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new MemoryStream(Body, writable: false));

    protected override bool TryComputeLength(out long length)
    {
        length = Body.Length;
        return true;
    }
}
