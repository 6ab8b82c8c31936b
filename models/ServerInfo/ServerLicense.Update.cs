using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class ServerLicense
{
    /// <summary>
    /// The block to send to Carbon Black for a license for this server (cbapi's <c>license_request()</c>,
    /// <c>GET /api/license</c>).
    /// </summary>
    /// <exception cref="CbServerException">The answer has no request block.</exception>
    public static async Task<string> GetRequestBlockAsync(ICbModelSession client, CancellationToken cancellationToken = default)
    {
        var answer = await GetRequestAsync(client, cancellationToken).ConfigureAwait(false);
        return answer.LicenseRequestBlock
            ?? throw new CbServerException("The license request answered no license_request_block", 200, null, null, null);
    }

    /// <summary>
    /// Applies a license block from Carbon Black (cbapi's <c>update_license()</c>, <c>POST /api/license</c>). The server
    /// must answer <c>{"status": "success"}</c>; anything else is an error, as in cbapi.
    /// </summary>
    /// <exception cref="CbServerException">The server did not answer success.</exception>
    public static async Task UpdateAsync(ICbModelSession client, string license, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(license);
        var answer = await SendUpdateAsync(client, license, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(answer.Status, "success", StringComparison.Ordinal))
            throw new CbServerException($"The server did not apply the license: status '{answer.Status ?? "(none)"}'", 200, null, null, null);
    }
}
