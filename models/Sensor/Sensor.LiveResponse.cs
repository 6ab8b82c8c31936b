namespace CbTyped.Response;

public partial class Sensor
{
    /// <summary>
    /// Opens a Live Response session on this sensor (cbapi's <c>sensor.lr_session()</c>): an open session of the
    /// sensor is reused, else one is created; either is polled until active (<see cref="LiveResponseOptions"/>:
    /// every 1 s for up to 360 s by default). Dispose the session to close it.
    /// </summary>
    /// <exception cref="CbApiException">"Sensor does not support Cb Live Response" (<c>supports_cblr</c> false) or
    /// "Cb server does not support Live Response" (<c>/api/info</c> <c>cblrEnabled</c> false).</exception>
    /// <exception cref="CbTimeoutException">"Could not establish session with sensor &lt;id&gt;": the session did not
    /// become active in time (e.g. the sensor is offline) or the server lost it; it has been closed.</exception>
    public async Task<LiveResponseSession> OpenLiveResponseSessionAsync(LiveResponseOptions? options = null, CancellationToken cancellationToken = default)
    {
        var client = Client ?? throw new InvalidOperationException("This Sensor is not attached to a client; get it through the client (or set Client) first.");
        if (!HasDocumentValue("supports_cblr") || !HasDocumentValue("os_type"))
            await EnsureFullAsync(cancellationToken).ConfigureAwait(false);
        if (SupportsCblr != true)
            throw new CbApiException("Sensor does not support Cb Live Response");
        int id = Id ?? throw new InvalidOperationException("The sensor has no id.");
        return await LiveResponseSession.OpenAsync(client, id, OsType == 1, options, cancellationToken).ConfigureAwait(false);
    }
}
