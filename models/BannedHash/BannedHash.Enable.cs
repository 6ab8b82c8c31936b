namespace CbTyped.Response;

public partial class BannedHash
{
    /// <summary>
    /// Bans the hash again after it was disabled: <c>POST /api/v1/banning/blacklist</c> with <c>md5hash</c>,
    /// <c>text</c> and <c>enabled:true</c> (the server re-enables an existing entry), then reloads it.
    /// Enabling a ban that is already enabled is the server's 409, a <see cref="CbClientException"/>.
    /// </summary>
    public async Task EnableAsync(CancellationToken cancellationToken = default)
    {
        var md5 = RequireMd5();
        var text = Text;
        var body = JsonBody.Build(w =>
        {
            w.WriteBoolean("enabled", true);
            w.WriteString("md5hash", md5);
            if (text is null)
                w.WriteNull("text");
            else
                w.WriteString("text", text);
        });
        var client = this.RequireResponseClient();
        (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/banning/blacklist", body, cancellationToken).ConfigureAwait(false))?.Dispose();
        await RequireClient().RefreshAsync(this, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lifts the ban: <c>DELETE /api/v1/banning/blacklist/{md5}</c>, which keeps the entry (disabled, with an audit
    /// row) rather than removing it, then reloads it so <see cref="Enabled"/> reads false.
    /// </summary>
    public async Task DisableAsync(CancellationToken cancellationToken = default)
    {
        var md5 = RequireMd5();
        var client = this.RequireResponseClient();
        (await client.SendJsonAsync(HttpMethod.Delete, "/api/v1/banning/blacklist/" + Uri.EscapeDataString(md5), null, cancellationToken)
            .ConfigureAwait(false))?.Dispose();
        await RequireClient().RefreshAsync(this, cancellationToken).ConfigureAwait(false);
    }

    private string RequireMd5() =>
        Md5hash ?? throw new InvalidOperationException("Set md5hash before enabling or disabling a ban.");
}
