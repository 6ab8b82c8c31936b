using System.Globalization;
using System.Text.Json;

namespace CbTyped;

/// <summary>
/// What <c>GET /api/info</c> said, read once when a client is first used, and the version-dependent behaviour that
/// follows from it. Models and queries read these flags instead of comparing versions.
/// </summary>
public sealed class CbServerInfo
{
    private readonly JsonElement _document;

    /// <summary>Reads the <c>/api/info</c> document.</summary>
    /// <exception cref="CbServerException">The document has no parseable <c>version</c>.</exception>
    public CbServerInfo(JsonElement document, bool legacyPartitions = false)
    {
        _document = document.Clone();
        VersionText = document.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        Version = ParseVersion(VersionText)
            ?? throw new CbServerException($"Cannot read the server version from /api/info: '{VersionText}'", 200, null, "GET", "/api/info");
        IsLegacy5xMode = legacyPartitions;
    }

    /// <summary>The version string as sent, e.g. <c>6.2.0.171114.1158</c>.</summary>
    public string VersionText { get; }

    /// <summary>Major.minor.patch of the server, e.g. 6.2.0.</summary>
    public Version Version { get; }

    /// <summary>The whole <c>/api/info</c> document (<c>maxSearchResultRows</c>, <c>features</c>, …).</summary>
    public JsonElement Document => _document;

    /// <summary><c>cblrEnabled</c>: Live Response is available.</summary>
    public bool LiveResponseEnabled => Boolean("cblrEnabled");

    /// <summary><c>banningEnabled</c>.</summary>
    public bool BanningEnabled => Boolean("banningEnabled");

    /// <summary><c>maxSearchResultRows</c>, when sent.</summary>
    public long? MaxSearchResultRows => Number("maxSearchResultRows");

    /// <summary>Some event partitions are from 5.x (<c>info.isLegacy</c>): process queries send <c>cb.legacy_5x_mode</c>.</summary>
    public bool IsLegacy5xMode { get; }

    /// <summary>≥ 5.1.1: paged queries send <c>facet=false</c> unless facets are asked for (5.1.0–5.1.0.x fail with 504 on it).</summary>
    public bool SendsFacetFalse => Version >= new Version(5, 1, 1);

    /// <summary>The process event API: 1 below 5.1, 2 for 5.1.x, 3 for 5.2–5.x, 4 from 6.0 (<c>/api/v{n}/process/…/event</c>).</summary>
    public int ProcessEventApiVersion =>
        Version >= new Version(6, 0) ? 4 : Version >= new Version(5, 2) ? 3 : Version >= new Version(5, 1) ? 2 : 1;

    /// <summary>The segment a process summary is fetched at when none is named: 0 from 6.0, else 1.</summary>
    public int DefaultProcessSegment => Version >= new Version(6, 0) ? 0 : 1;

    /// <summary>≥ 6.0: a process's segments come from <c>/api/v1/process/{guid}/segment</c> (else a <c>process_id:</c> query).</summary>
    public bool HasSegmentEndpoint => Version >= new Version(6, 0);

    /// <summary>&gt; 6.0.0: <c>Sensor.event_log_flush_time</c> is sent as RFC-822 (<c>ddd, dd MMM yyyy HH:mm:ss GMT</c>).</summary>
    public bool SendsRfc822FlushTime => Version > new Version(6, 0, 0);

    /// <summary>True when the server is at least <paramref name="version"/> (for routes with version bounds).</summary>
    public bool IsAtLeast(Version version) => Version >= version;

    internal static Version? ParseVersion(string text)
    {
        var parts = text.Split('.', 4);
        if (parts.Length < 2)
            return null;
        var numbers = new int[3];
        for (var i = 0; i < 3 && i < parts.Length; i++)
        {
            var digits = new string(parts[i].TakeWhile(char.IsAsciiDigit).ToArray());
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
                return i >= 2 ? new Version(numbers[0], numbers[1], 0) : null;
        }
        return new Version(numbers[0], numbers[1], numbers[2]);
    }

    private bool Boolean(string name) =>
        _document.TryGetProperty(name, out var v) && (v.ValueKind == JsonValueKind.True ||
            (v.ValueKind == JsonValueKind.String && bool.TryParse(v.GetString(), out var b) && b));

    private long? Number(string name) =>
        _document.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;
}
