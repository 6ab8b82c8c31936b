namespace CbTyped.PowerShell;

/// <summary>
/// A named connection to one Cb Response server, made by <c>Connect-CbResponse</c>. Holds the SDK client (and so
/// the token), but shows only the name, URL, server version and where the credentials came from.
/// </summary>
public sealed class CbConnection
{
    internal CbConnection(string name, CbResponseClient client, string source, Version serverVersion)
    {
        Name = name;
        Client = client;
        Source = source;
        ServerVersion = serverVersion;
    }

    /// <summary>The name other cmdlets take with <c>-Connection</c>.</summary>
    public string Name { get; }

    /// <summary>The server's base URL.</summary>
    public Uri Url => Client.Url;

    /// <summary>The server's version (from <c>/api/info</c>, read when connecting).</summary>
    public Version ServerVersion { get; }

    /// <summary>Where the credentials came from: a profile and its file, or <c>explicit</c>.</summary>
    public string Source { get; }

    /// <summary>Whether cmdlets use this connection when no <c>-Connection</c> is given.</summary>
    public bool IsDefault { get; internal set; }

    /// <summary>The SDK client: every typed model and query of the SDK is reachable from it in a script.</summary>
    public CbResponseClient Client { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Url})";
}
