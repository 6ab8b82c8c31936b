using CbTyped;
using CbTyped.Response;

namespace Contoso.Containment;

/// <summary>
/// The automation under test: for every process a query finds, ban its executable's MD5 and isolate the host it ran
/// on. A hash that is already banned is not an error, and a sensor that does not confirm isolation in time (offline)
/// is reported, not retried for ever.
/// </summary>
public sealed class ContainmentPlaybook(CbResponseClient cb, TimeSpan isolationTimeout, TimeSpan? pollInterval = null)
{
    public async Task<ContainmentReport> RunAsync(string processQuery, CancellationToken cancellationToken = default)
    {
        var hashes = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var sensors = new SortedSet<int>();
        await foreach (var process in cb.Select<Process>().Where(processQuery).WithCancellation(cancellationToken))
        {
            if (process.ProcessMd5 is { Length: > 0 } md5)
                hashes.Add(md5);
            if (process.SensorId is { } sensorId)
                sensors.Add(sensorId);
        }

        var banned = new List<string>();
        var alreadyBanned = new List<string>();
        foreach (var md5 in hashes)
        {
            var ban = cb.Create<BannedHash>();
            ban.Md5hash = md5;
            ban.Text = "Contained: " + processQuery;
            try
            {
                await cb.SaveAsync(ban, cancellationToken);
                banned.Add(md5);
            }
            catch (CbClientException e) when (e.StatusCode == 409)
            {
                alreadyBanned.Add(md5);
            }
        }

        var isolated = new List<int>();
        var notConfirmed = new List<int>();
        foreach (var id in sensors)
        {
            var sensor = await cb.GetAsync<Sensor>(id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
            try
            {
                await sensor.IsolateAsync(isolationTimeout, pollInterval, cancellationToken);
                isolated.Add(id);
            }
            catch (CbTimeoutException)
            {
                notConfirmed.Add(id);
            }
        }

        return new ContainmentReport(banned, alreadyBanned, isolated, notConfirmed);
    }
}
