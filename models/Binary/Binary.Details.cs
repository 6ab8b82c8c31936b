using System.Globalization;

namespace CbTyped.Response;

public partial class Binary
{
    /// <summary>True when the signature check said <c>Signed</c> (cbapi's rule: any other result is unsigned).</summary>
    public bool IsSigned => DigsigResult == BinarySignatureResult.Signed;

    /// <summary>The signature details, or null when the binary is not signed.</summary>
    public BinarySigningData? SigningData =>
        IsSigned ? new BinarySigningData(DigsigResult, DigsigPublisher, DigsigIssuer, DigsigSubject, DigsigSignTime, DigsigProgName) : null;

    /// <summary>The version resource's fields.</summary>
    public BinaryVersionInfo VersionInfo =>
        new(FileDesc, FileVersion, ProductName, ProductVersion, CompanyName, LegalCopyright, OriginalFilename);

    /// <summary>The file size in bytes (<c>orig_mod_len</c>).</summary>
    public long? Size => OrigModLen;

    /// <summary>The console page of this binary, <c>{server}/#binary/{MD5}</c>; null when not attached to a client.</summary>
    public Uri? WebUiLink =>
        Client is CbResponseClient client && GetKeyString() is { } md5
            ? new Uri(client.Url.ToString().TrimEnd('/') + "/#binary/" + md5)
            : null;

    /// <summary>The hosts that have the binary, from <c>endpoint</c> (<c>"HOSTNAME|sensor_id"</c> items).</summary>
    public IReadOnlyList<BinaryEndpoint> Endpoints =>
        [.. (Endpoint ?? []).Select(item => item.Split('|', 2))
            .Where(parts => parts.Length == 2 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            .Select(parts => new BinaryEndpoint(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture)))];

    /// <summary>The sensors that have the binary (lazy references through the identity cache: no request until read).</summary>
    public IReadOnlyList<Sensor> GetEndpointSensors()
    {
        var client = RequireClient();
        return [.. Endpoints.Select(e => client.Select<Sensor>(e.SensorId.ToString(CultureInfo.InvariantCulture)))];
    }

    /// <summary>
    /// How common the binary is: <c>GET /api/v1/process/host/count?cb.freqver=1&amp;md5=…&amp;name=md5</c>. Kept on the
    /// instance after the first call.
    /// </summary>
    public async Task<BinaryFrequency> GetFrequencyAsync(CancellationToken cancellationToken = default)
    {
        if (_frequency is { } known)
        {
            return known;
        }

        var counts = await GetFrequencyCountsAsync(cancellationToken).ConfigureAwait(false);
        long hosts = counts.HostCount ?? 0, processes = counts.GlobalCount ?? 0, all = counts.NumDocs ?? 0;
        _frequency = new BinaryFrequency(hosts, processes, all, all == 0 ? 0.0 : (double)processes / all);
        return _frequency;
    }

    private BinaryFrequency? _frequency;

    /// <summary>
    /// The icon as PNG bytes: the base64 <c>icon</c> field when the document has it, else
    /// <c>GET /api/v1/binary/{MD5}/icon</c> (the server sends a default icon when it has none).
    /// </summary>
    public async Task<byte[]> GetIconAsync(CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(IconBase64))
        {
            try
            {
                return Convert.FromBase64String(IconBase64);
            }
            catch (FormatException)
            {
                // fall through to the icon route
            }
        }

        await using var icon = await OpenIconAsync(cancellationToken).ConfigureAwait(false);
        using var bytes = new MemoryStream();
        await icon.CopyToAsync(bytes, cancellationToken).ConfigureAwait(false);
        return bytes.ToArray();
    }

    /// <summary>
    /// The ban on this binary, or null when it has never been banned (404). A ban that was lifted is returned with
    /// <c>enabled</c> false. cbapi's version also caught a 409 server error that never comes; only "not found" means
    /// "no ban" here, every other error is reported.
    /// </summary>
    public async Task<BannedHash?> GetBannedHashAsync(CancellationToken cancellationToken = default)
    {
        string md5 = GetKeyString() ?? throw new InvalidOperationException("The binary has no MD5.");
        try
        {
            return await RequireClient().GetAsync<BannedHash>(md5, cancellationToken).ConfigureAwait(false);
        }
        catch (CbObjectNotFoundException)
        {
            return null;
        }
    }

    /// <summary>True when an enabled ban exists for this binary.</summary>
    public async Task<bool> IsBannedAsync(CancellationToken cancellationToken = default) =>
        await GetBannedHashAsync(cancellationToken).ConfigureAwait(false) is { Enabled: true };

}
