using System.Buffers;
using System.Net;

namespace CbTyped;

/// <summary>
/// A response body read once into one array of exactly its length, which callers on the hot path take as is
/// (<see cref="Body"/>) instead of copying it out again with <c>ReadAsByteArrayAsync</c>.
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

    /// <summary>Reads <paramref name="response"/>'s body and puts it back as a <see cref="CbBufferedContent"/>.</summary>
    public static async Task LoadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = original.Headers.ContentLength is { } length && length <= Array.MaxLength
                ? await ReadExactlyAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
                : await ReadToEndAsync(stream, cancellationToken).ConfigureAwait(false);
            response.Content = new CbBufferedContent(body, original);
        }
        original.Dispose();
    }

    /// <summary>The body of any response: without a copy when it was buffered here.</summary>
    public static async Task<byte[]> BodyOfAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content is CbBufferedContent buffered
            ? buffered.Body
            : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>A known length (no compression): one array of that length, filled in place.</summary>
    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        if (length == 0)
            return [];
        var body = GC.AllocateUninitializedArray<byte>(length);
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false); // EndOfStreamException (an IOException) if cut short
        return body;
    }

    /// <summary>An unknown length (chunked or decompressed): pooled, growing scratch buffers, then one exact copy.</summary>
    private static async Task<byte[]> ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
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
