using System.Globalization;

namespace CbTyped.Response;

/// <summary>Live Response across a fleet (cbapi's <c>cb.live_response.submit_job(job, sensor)</c> and its job scheduler).</summary>
public static class LiveResponseJobExtensions
{
    /// <summary>
    /// Runs <paramref name="job"/> once for each entry of <paramref name="sensorIds"/>, on a Live Response session of
    /// that sensor, with at most <see cref="LiveResponseJobOptions.MaxConcurrentSessions"/> sessions open at once.
    /// A sensor listed more than once gets one session, reused by its jobs one after another, as cbapi's job worker
    /// does; every session is closed when its sensor's jobs are done. Returns one result per entry, in the order given:
    /// a job's failure (or its sensor's: unknown, offline, no session) is that entry's
    /// <see cref="LiveResponseJobResult{T}.Error"/>, never the whole run's.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="sensorIds">The sensors, one entry per job.</param>
    /// <param name="job">The work: it gets the sensor's open session and the run's cancellation token.</param>
    /// <param name="options">Concurrency and session waits; defaults when null.</param>
    /// <param name="progress">Told after each job ends.</param>
    /// <param name="cancellationToken">Stops the run: running jobs see it, no new job starts, open sessions are
    /// closed, and the call throws <see cref="OperationCanceledException"/>.</param>
    public static async Task<IReadOnlyList<LiveResponseJobResult<T>>> RunLiveResponseJobsAsync<T>(this CbResponseClient client,
        IEnumerable<int> sensorIds, Func<LiveResponseSession, CancellationToken, Task<T>> job, LiveResponseJobOptions? options = null,
        IProgress<LiveResponseJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(sensorIds);
        ArgumentNullException.ThrowIfNull(job);
        options ??= new LiveResponseJobOptions();
        options.Validate();

        var entries = sensorIds.ToList();
        var results = new LiveResponseJobResult<T>[entries.Count];
        // Each sensor's entries, in order of first appearance: one session per sensor.
        var bySensor = entries.Select((sensorId, index) => (SensorId: sensorId, Index: index))
            .GroupBy(entry => entry.SensorId, entry => entry.Index)
            .ToList();
        int completed = 0;

        void Complete(int index, LiveResponseJobResult<T> result)
        {
            results[index] = result;
            progress?.Report(new LiveResponseJobProgress(Interlocked.Increment(ref completed), entries.Count, result.SensorId, result.Error));
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrentSessions, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(bySensor, parallel, async (sensorJobs, token) =>
        {
            int sensorId = sensorJobs.Key;
            LiveResponseSession session;
            try
            {
                session = await OpenAsync(client, sensorId, options, token).ConfigureAwait(false);
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                foreach (int index in sensorJobs)
                    Complete(index, new LiveResponseJobResult<T>(sensorId, default, e));
                return;
            }

            await using (session.ConfigureAwait(false))
            {
                foreach (int index in sensorJobs)
                {
                    token.ThrowIfCancellationRequested();
                    LiveResponseJobResult<T> result;
                    try
                    {
                        result = new LiveResponseJobResult<T>(sensorId, await job(session, token).ConfigureAwait(false), null);
                    }
                    catch (Exception e) when (!token.IsCancellationRequested)
                    {
                        result = new LiveResponseJobResult<T>(sensorId, default, e);
                    }

                    Complete(index, result);
                }
            }
        }).ConfigureAwait(false);
        return results;
    }

    private static async Task<LiveResponseSession> OpenAsync(CbResponseClient client, int sensorId, LiveResponseJobOptions options, CancellationToken cancellationToken)
    {
        var sensor = await client.GetAsync<Sensor>(sensorId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        if (options.FailOfflineSensors && sensor.Status != SensorStatus.Online)
            throw new CbApiException($"Sensor {sensorId} is {sensor.Status?.ToString() ?? "of unknown status"}, not Online: no Live Response session was opened.");
        return await sensor.OpenLiveResponseSessionAsync(options.Session, cancellationToken).ConfigureAwait(false);
    }
}
