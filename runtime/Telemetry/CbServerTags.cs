using System.Diagnostics;

namespace CbTyped;

/// <summary>
/// One client's <c>server.address</c>, <c>server.port</c> and <c>url.scheme</c>, computed once: every metric carries
/// the first two, so several clients (servers) in one process can be told apart.
/// </summary>
internal sealed class CbServerTags
{
    public CbServerTags(Uri baseUrl)
    {
        Address = baseUrl.DnsSafeHost; // an IPv6 address without its brackets, as the conventions want
        Port = baseUrl.Port;
        Scheme = baseUrl.Scheme;
    }

    public string Address { get; }

    public int Port { get; }

    public string Scheme { get; }

    public TagList Tags() => new()
    {
        { CbTelemetryTags.ServerAddress, Address },
        { CbTelemetryTags.ServerPort, Port },
    };
}
