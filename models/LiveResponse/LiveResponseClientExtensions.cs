using System.Globalization;

namespace CbTyped.Response;

/// <summary>Live Response from the client (cbapi's <c>cb.live_response.request_session(sensor_id)</c>).</summary>
public static class LiveResponseClientExtensions
{
    /// <summary>
    /// Opens a Live Response session on sensor <paramref name="sensorId"/>: the sensor is loaded (its
    /// <c>supports_cblr</c> and <c>os_type</c> decide what follows), then <see cref="Sensor.OpenLiveResponseSessionAsync"/>.
    /// </summary>
    /// <exception cref="CbObjectNotFoundException">No such sensor.</exception>
    public static async Task<LiveResponseSession> OpenLiveResponseSessionAsync(this CbResponseClient client, int sensorId,
        LiveResponseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var sensor = await client.GetAsync<Sensor>(sensorId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        return await sensor.OpenLiveResponseSessionAsync(options, cancellationToken).ConfigureAwait(false);
    }
}
