using System.Net;

namespace CbTyped;

/// <summary>
/// A form file part read from the caller's stream, which stays open: <c>StreamContent</c> would dispose it with the
/// request, and an upload may be sent again (a Live Response upload after a lost session). Streams from the current
/// position.
/// </summary>
internal sealed class CbFormFileContent(Stream source) : HttpContent
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
