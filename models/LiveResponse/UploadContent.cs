using System.Net;

namespace CbTyped.Response;

/// <summary>
/// The bytes of an upload read from the caller's stream, which stays open: <c>StreamContent</c> would dispose it with
/// the request, and an upload may be sent again after a lost session. Streams from the current position, in chunks.
/// </summary>
internal sealed class UploadContent(Stream source) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        source.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        source.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = source.CanSeek ? source.Length - source.Position : 0;
        return source.CanSeek;
    }
}
