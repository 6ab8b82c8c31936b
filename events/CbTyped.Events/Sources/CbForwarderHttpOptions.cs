using System.Net;

namespace CbTyped.Events.Sources;

/// <summary>How to listen for the event forwarder's HTTP output (<c>output_type=http</c>, <c>httpout=URL</c>).</summary>
public sealed class CbForwarderHttpOptions
{
    /// <summary>The address to listen on: loopback unless set (the forwarder usually runs on the same host).
    /// <see cref="IPAddress.Any"/> listens on every interface.</summary>
    public IPAddress Address { get; set; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (see <see cref="CbForwarderHttpSource.Url"/>).</summary>
    public int Port { get; set; }

    /// <summary>The path the forwarder posts to (the path of its <c>httpout</c> URL); other paths get 404.</summary>
    public string Path { get; set; } = "/";

    /// <summary>The largest body accepted, in bytes, after gzip decompression (the forwarder's
    /// <c>compress_http_payload</c>); a larger POST gets 413 and is not read further.</summary>
    public long MaxBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>When set, a POST must carry exactly this <c>Authorization</c> header value (the forwarder sends its
    /// <c>http_authorization_token</c> setting as is); others get 401. Never logged.</summary>
    public string? AuthorizationToken { get; set; }

    /// <summary>The array property that holds the events in the forwarder's default template
    /// (<c>{"filename": …, "service": "carbonblack", "alerts": [ … ]}</c>).</summary>
    public string EventsProperty { get; set; } = "alerts";

    /// <summary>Decodes each event (a <see cref="CbBusMessage"/> with its <c>type</c> as routing key and content
    /// type <c>application/json</c>).</summary>
    public ICbEventDecoder Decoder { get; set; } = Decoding.CbEventDecoder.Default;
}
