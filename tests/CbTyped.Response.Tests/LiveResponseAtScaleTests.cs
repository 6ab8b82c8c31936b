using System.Text;
using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// Live Response beyond one command at a time, over HTTP against the emulator: jobs across sensors (cbapi's
/// <c>submit_job</c>), a memory dump that runs while other commands do (<c>start_memdump</c>), keepalives while a
/// session is held, and links (<c>path_islink</c>).
/// </summary>
public sealed class LiveResponseAtScaleTests
{
    private const int AccessDenied = unchecked((int)0x80070005);
    private const int FileNotFound = unchecked((int)0x80070002);

    // --- jobs across sensors --------------------------------------------------------------------------------------

    [Fact]
    public async Task JobsRunOnEverySensorWithOneSessionPerSensorAndEachEntryGetsItsOwnResult()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var progress = new CollectingProgress<LiveResponseJobProgress>();
        var options = new LiveResponseJobOptions { Session = LiveResponseHarness.FastOptions() };

        var results = await emulator.Client.RunLiveResponseJobsAsync([4, 3, 2, 4, 999], async (session, token) =>
        {
            var processes = await session.ListProcessesAsync(token);
            return (Session: session, session.Info.Hostname, processes.Count);
        }, options, progress);

        Assert.Equal([4, 3, 2, 4, 999], results.Select(r => r.SensorId));
        Assert.Equal([true, true, false, true, false], results.Select(r => r.Succeeded));
        Assert.Equal(("HOSTNAME", 3), (results[0].Value.Hostname, results[0].Value.Count));
        Assert.Equal("WIN-IA9NQ1GN8OI", results[1].Value.Hostname);
        // Sensor 4's two jobs shared one session, opened once.
        Assert.Same(results[0].Value.Session, results[3].Value.Session);
        var opened = emulator.Requests.Entries.Where(e => e.Method == "POST" && e.Path == "/api/v1/cblr/session")
            .Select(e => JsonDocument.Parse(e.Body!).RootElement.GetProperty("sensor_id").GetInt32()).Order().ToList();
        Assert.Equal([3, 4], opened);
        // Sensor 2 is offline: failed at once, no session asked for. 999 does not exist.
        Assert.Contains("Offline", Assert.IsType<CbApiException>(results[2].Error).Message, StringComparison.Ordinal);
        Assert.IsType<CbObjectNotFoundException>(results[4].Error);

        // Every session was closed on the server.
        foreach (var session in new[] { results[0].Value.Session, results[1].Value.Session })
        {
            Assert.True(session.IsClosed);
            var close = await emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == $"/api/v1/cblr/session/{session.SessionId}");
            Assert.Equal("close", JsonDocument.Parse(close.Body!).RootElement.GetProperty("status").GetString());
        }

        var reports = progress.Reports;
        Assert.Equal([1, 2, 3, 4, 5], reports.Select(r => r.Completed).Order());
        Assert.All(reports, r => Assert.Equal(5, r.Total));
        Assert.Equal([2, 999], reports.Where(r => r.Error is not null).Select(r => r.SensorId).Order());
    }

    [Fact]
    public async Task NoMoreSessionsAreHeldAtOnceThanAllowed()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        int running = 0;
        int mostAtOnce = 0;
        var options = new LiveResponseJobOptions { MaxConcurrentSessions = 1, Session = LiveResponseHarness.FastOptions() };

        var results = await emulator.Client.RunLiveResponseJobsAsync([4, 3, 1], async (session, token) =>
        {
            int now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            var processes = await session.ListProcessesAsync(token);
            Interlocked.Decrement(ref running);
            return processes.Count;
        }, options);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.ToString()));
        Assert.Equal(1, mostAtOnce);
    }

    [Fact]
    public async Task AJobThatThrowsFailsOnlyItsEntry()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var options = new LiveResponseJobOptions { Session = LiveResponseHarness.FastOptions() };

        var results = await emulator.Client.RunLiveResponseJobsAsync([4, 4], async (session, token) =>
            (await session.GetFileAsync(@"c:\users\public\readme.txt", token)).Length, options);
        var failed = await emulator.Client.RunLiveResponseJobsAsync([3], async (session, token) =>
            (await session.GetFileAsync(@"c:\missing.txt", token)).Length, options);

        Assert.Equal([23, 23], results.Select(r => r.Value));
        Assert.Equal(FileNotFound, Assert.IsType<LiveResponseException>(Assert.Single(failed).Error).ResultCode);
    }

    [Fact]
    public async Task CancellingTheRunStopsItAndClosesTheOpenSession()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        using var cancel = new CancellationTokenSource();
        int sessionId = 0;
        var options = new LiveResponseJobOptions { MaxConcurrentSessions = 1, Session = LiveResponseHarness.FastOptions() };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emulator.Client.RunLiveResponseJobsAsync([4, 3], async (session, token) =>
        {
            sessionId = session.SessionId;
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return 0;
        }, options, cancellationToken: cancel.Token));

        await emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == $"/api/v1/cblr/session/{sessionId}");
        Assert.DoesNotContain(emulator.Requests.Entries, e => e.Method == "POST" && e.Path == "/api/v1/cblr/session"
            && JsonDocument.Parse(e.Body!).RootElement.GetProperty("sensor_id").GetInt32() == 3);
    }

    [Fact]
    public async Task BadJobOptionsAreRefusedBeforeAnyRequest()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        int before = emulator.Requests.Entries.Count;

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => emulator.Client.RunLiveResponseJobsAsync([4],
            (_, _) => Task.FromResult(0), new LiveResponseJobOptions { MaxConcurrentSessions = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => emulator.Client.RunLiveResponseJobsAsync([4],
            (_, _) => Task.FromResult(0), new LiveResponseJobOptions { Session = new LiveResponseOptions { KeepAliveInterval = TimeSpan.Zero } }));
        Assert.Equal(before, emulator.Requests.Entries.Count);
    }

    // --- memory dumps ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task AStartedMemdumpIsWaitedForAndFetchedLaterWhileOtherCommandsRun()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var dump = await lr.Session.StartMemdumpAsync(@"c:\users\public\mem.dmp");
        string commandPath = $"/api/v1/cblr/session/{dump.SessionId}/command/{dump.CommandId}";
        Assert.False(dump.IsCompleted);
        Assert.Equal(@"c:\users\public\mem.dmp.zip", dump.RemoteFileName);
        // Other work goes on meanwhile; the dump's command has not been polled.
        Assert.Equal(3, (await lr.Session.ListProcessesAsync()).Count);
        Assert.DoesNotContain(lr.Emulator.Requests.Entries, e => e.Method == "GET" && e.Path == commandPath);

        await dump.WaitAsync();
        Assert.True(dump.IsCompleted);
        Assert.Contains(lr.Emulator.Requests.Entries, e => e.Method == "GET" && e.Path == commandPath);
        using var copy = new MemoryStream();
        long size = await dump.GetAsync(copy);
        Assert.Equal("MDMP emulated memory dump", Encoding.ASCII.GetString(copy.ToArray()));
        Assert.Equal(copy.Length, size);
        await dump.DeleteAsync();
        Assert.DoesNotContain("mem.dmp.zip", (await lr.Session.ListDirectoryAsync(@"c:\users\public\")).Select(e => e.FileName));

        var body = JsonDocument.Parse(lr.CommandBodies().First(b => b.Contains("\"memdump\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal((@"c:\users\public\mem.dmp", true), (body.GetProperty("object").GetString(), body.GetProperty("compress").GetBoolean()));
    }

    [Fact]
    public async Task AMemdumpTheSensorCannotWriteFailsWhenWaitedFor()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var dump = await lr.Session.StartMemdumpAsync(@"c:\nowhere\mem.dmp", compress: false);
        var error = await Assert.ThrowsAsync<LiveResponseException>(() => dump.GetAsync(Stream.Null));

        Assert.Equal(FileNotFound, error.ResultCode);
        Assert.Equal("memdump", error.CommandName);
        Assert.False(dump.IsCompleted);
    }

    // --- keepalive ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task AHeldSessionSendsKeepalivesUntilItIsDisposed()
    {
        var options = LiveResponseHarness.FastOptions();
        options.KeepAliveInterval = TimeSpan.FromMilliseconds(20);
        await using var lr = await LiveResponseHarness.StartAsync(options: options);
        string keepAlive = $"/api/v1/cblr/session/{lr.Session.SessionId}/keepalive";

        // Nobody calls KeepAliveAsync: these come from the session itself.
        var first = await lr.Emulator.WaitForRequestAsync(e => e.Path == keepAlive);
        await lr.Emulator.WaitForRequestAsync(e => e.Path == keepAlive && e.Time > first.Time);
        await lr.Session.DisposeAsync();
        var closed = DateTimeOffset.UtcNow;

        // Ten intervals later, a request of our own marks the end of what the log can hold.
        await Task.Delay(200);
        await lr.Client.GetServerInfoAsync();
        Assert.DoesNotContain(lr.Emulator.Requests.Entries, e => e.Path == keepAlive && e.Time - e.Elapsed > closed);
        Assert.Equal(TimeSpan.FromSeconds(30), new LiveResponseOptions().KeepAliveInterval);
    }

    // --- links ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task PathIsLinkTellsAJunctionFromADirectoryAndAFile()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        Assert.True(await lr.Session.PathIsLinkAsync(@"c:\programdata\application data"));
        Assert.True(await lr.Session.PathIsLinkAsync(@"C:\ProgramData\Application Data\"));
        Assert.False(await lr.Session.PathIsLinkAsync(@"c:\programdata"));
        Assert.False(await lr.Session.PathIsLinkAsync(@"c:\users\public\readme.txt"));
        Assert.False(await lr.Session.PathIsLinkAsync(@"c:\nowhere\at all"));
        Assert.False(await lr.Session.PathIsLinkAsync(@"c:\"));
        var junction = Assert.Single(await lr.Session.ListDirectoryAsync(@"c:\programdata\"));
        Assert.True(junction.IsLink);
        Assert.True(junction.IsDirectory);
    }

    [Fact]
    public async Task AWalkListsLinksButFollowsThemOnlyWhenAsked()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        var errors = new List<Exception>();

        var walked = new List<LiveResponseWalkEntry>();
        await foreach (var entry in lr.Session.WalkAsync(@"c:\programdata", onError: errors.Add))
            walked.Add(entry);
        var followed = new List<LiveResponseWalkEntry>();
        await foreach (var entry in lr.Session.WalkAsync(@"c:\programdata", onError: errors.Add, followLinks: true))
            followed.Add(entry);

        var top = Assert.Single(walked);
        Assert.Equal(["Application Data"], top.Directories);
        Assert.Single(followed);
        // Following the junction lists it, which Windows (and the emulator) refuses.
        Assert.Equal(AccessDenied, Assert.IsType<LiveResponseException>(Assert.Single(errors)).ResultCode);
        Assert.Single(lr.CommandBodies(), b => b.Contains("application data", StringComparison.OrdinalIgnoreCase));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
