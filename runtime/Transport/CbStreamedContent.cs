using System.Net;

namespace CbTyped;

/// <summary>
/// A streamed response body (<c>SendStreamingAsync</c>: binary downloads, Live Response files, installers) as every
/// caller gets it: whichever way it is read (<c>ReadAsStreamAsync</c>, <c>CopyToAsync</c>, <c>ReadAsByteArrayAsync</c>)
/// the bytes come through one <see cref="CbBodyStream"/>, so each read has the idle timeout and the body its size limit.
/// </summary>
internal sealed class CbStreamedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly CbBodyLimit _limit;

    private CbStreamedContent(HttpContent inner, TimeSpan idleTimeout, CbBodyLimit limit)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _limit = limit;
        foreach (var header in inner.Headers)
            Headers.TryAddWithoutValidation(header.Key, header.Value);
    }

    /// <summary>Replaces <paramref name="response"/>'s content with the guarded one; a declared length over the limit is refused here.</summary>
    public static void Wrap(HttpResponseMessage response, TimeSpan idleTimeout, CbBodyLimit limit)
    {
        limit.ThrowIfDeclaredOver(response.Content.Headers.ContentLength);
        response.Content = new CbStreamedContent(response.Content, idleTimeout, limit);
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new CbBodyStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _idleTimeout, _limit);

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var body = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
            await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _inner.Dispose();
        base.Dispose(disposing);
    }
}
