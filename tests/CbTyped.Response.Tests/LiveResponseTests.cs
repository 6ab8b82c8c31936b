using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CbTyped.Emulator;
using CbTyped.Emulator.Faults;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// Live Response (cbapi's <c>sensor.lr_session()</c>) over HTTP against the emulator's endpoint model
/// (docs/models-live-response.md): sessions, every command, errors and re-sessions.
/// </summary>
public sealed class LiveResponseTests
{
    private const int FileNotFound = unchecked((int)0x80070002);
    private const int InvalidParameter = unchecked((int)0x80070057);

    // --- sessions -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ASessionOnAnOnlineSensorBecomesActiveAndDescribesTheHost()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var sensor = await emulator.Client.Select<Sensor>().Where("hostname:HOSTNAME").FirstAsync();
        await using var session = await sensor.OpenLiveResponseSessionAsync(LiveResponseHarness.FastOptions());

        var info = session.Info;
        Assert.Equal("active", info.Status);
        Assert.Equal(4, session.SensorId);
        Assert.Equal(4, info.SensorId);
        Assert.Equal(info.Id, session.SessionId);
        Assert.Equal("HOSTNAME", info.Hostname);
        Assert.Equal("10.0.2.16", info.Address);
        Assert.Equal(@"c:\windows\system32", info.CurrentWorkingDirectory);
        Assert.Equal([@"c:\"], info.Drives);
        Assert.Equal(15, info.SupportedCommands.Count);
        Assert.Contains("reg set value", info.SupportedCommands);
        Assert.Equal(300, info.SessionTimeout);
        Assert.NotNull(info.CreateTime);
        Assert.True(session.IsWindows);

        // cbapi's sequence: look for an open session, create one, poll it until active (the emulator: 2 polls).
        var requests = emulator.Requests.Entries.Where(e => e.Path.StartsWith("/api/v1/cblr", StringComparison.Ordinal)).ToList();
        Assert.Equal("GET /api/v1/cblr/session?active_only=true", requests[0].Method + " " + requests[0].PathAndQuery);
        Assert.Equal("POST /api/v1/cblr/session", requests[1].Method + " " + requests[1].PathAndQuery);
        Assert.Equal(4, JsonDocument.Parse(requests[1].Body!).RootElement.GetProperty("sensor_id").GetInt32());
        var refreshed = await session.RefreshAsync();
        Assert.Equal((info.Id, "active", "HOSTNAME"), (refreshed.Id, refreshed.Status, refreshed.Hostname));
        Assert.Same(refreshed, session.Info);
        await session.KeepAliveAsync();
        await emulator.WaitForRequestAsync(e => e.Path == $"/api/v1/cblr/session/{info.Id}/keepalive");
        // Two polls until active (the emulator's default), then the refresh.
        Assert.Equal(3, emulator.Requests.Entries.Count(e => e.Method == "GET" && e.Path == $"/api/v1/cblr/session/{info.Id}"));
    }

    [Fact]
    public async Task DisposingTheSessionClosesItOnTheServer()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        int id;
        await using (var session = await emulator.Client.OpenLiveResponseSessionAsync(3, LiveResponseHarness.FastOptions()))
        {
            id = session.SessionId;
            Assert.Equal("WIN-IA9NQ1GN8OI", session.Info.Hostname);
        }

        var put = await emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path == $"/api/v1/cblr/session/{id}");
        var sent = JsonDocument.Parse(put.Body!).RootElement;
        Assert.Equal("close", sent.GetProperty("status").GetString());
        Assert.Equal(3, sent.GetProperty("sensor_id").GetInt32()); // the whole session object goes back, as cbapi sends it
        using var now = await emulator.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{id}");
        Assert.Equal("close", now!.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnOpenSessionOfTheSensorIsReused()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var options = LiveResponseHarness.FastOptions();
        await using var first = await emulator.Client.OpenLiveResponseSessionAsync(4, options);
        await using var second = await emulator.Client.OpenLiveResponseSessionAsync(4, options);
        await using var other = await emulator.Client.OpenLiveResponseSessionAsync(3, options);

        Assert.Equal(first.SessionId, second.SessionId);
        Assert.NotEqual(first.SessionId, other.SessionId);
        Assert.Equal(2, emulator.Requests.Entries.Count(e => e.Method == "POST" && e.Path == "/api/v1/cblr/session"));
        Assert.Equal(3, emulator.Requests.Entries.Count(e => e.PathAndQuery == "/api/v1/cblr/session?active_only=true"));
        // Both objects drive the one server session.
        Assert.Equal(3, (await second.ListProcessesAsync()).Count);
        Assert.Equal(3, (await first.ListProcessesAsync()).Count);
    }

    [Fact]
    public async Task AnOfflineSensorTimesOutAndItsPendingSessionIsClosed()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var options = LiveResponseHarness.FastOptions();
        options.SessionTimeout = TimeSpan.FromMilliseconds(200);

        var error = await Assert.ThrowsAsync<CbTimeoutException>(() => emulator.Client.OpenLiveResponseSessionAsync(2, options));

        Assert.Equal("Could not establish session with sensor 2", error.Message);
        Assert.Equal("timeout polling for Live Response", error.InnerException!.Message);
        var created = emulator.Requests.Entries.Single(e => e.Method == "POST" && e.Path == "/api/v1/cblr/session");
        Assert.Equal(2, JsonDocument.Parse(created.Body!).RootElement.GetProperty("sensor_id").GetInt32());
        var put = await emulator.WaitForRequestAsync(e => e.Method == "PUT" && e.Path.StartsWith("/api/v1/cblr/session/", StringComparison.Ordinal));
        Assert.Equal("close", JsonDocument.Parse(put.Body!).RootElement.GetProperty("status").GetString());
        using var open = await emulator.Client.SendJsonAsync(HttpMethod.Get, "/api/v1/cblr/session?active_only=true");
        Assert.DoesNotContain(open!.RootElement.EnumerateArray(), s => s.GetProperty("sensor_id").GetInt32() == 2);
        Assert.DoesNotContain(emulator.Emulator.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerWithoutLiveResponseIsRefusedBeforeAnySessionRequest()
    {
        await using var emulator = await EmulatorSession.StartAsync(new CbEmulatorOptions { LiveResponseEnabled = false });

        var error = await Assert.ThrowsAsync<CbApiException>(() => emulator.Client.OpenLiveResponseSessionAsync(4, LiveResponseHarness.FastOptions()));

        Assert.Equal("Cb server does not support Live Response", error.Message);
        Assert.Equal(0, emulator.Requests.CountOf("GET", "/api/v1/cblr") + emulator.Requests.CountOf("POST", "/api/v1/cblr"));
    }

    [Fact]
    public async Task ASensorWithoutLiveResponseIsRefusedBeforeAnyRequest()
    {
        await using var emulator = await EmulatorSession.StartAsync();
        var sensor = await emulator.Client.GetAsync<Sensor>("4");
        Assert.True(sensor.SupportsCblr);
        sensor.SupportsCblr = false; // the emulator's sensors all support it; this is what an old sensor reports
        int before = emulator.Requests.Count;

        var error = await Assert.ThrowsAsync<CbApiException>(() => sensor.OpenLiveResponseSessionAsync(LiveResponseHarness.FastOptions()));

        Assert.Equal("Sensor does not support Cb Live Response", error.Message);
        Assert.Equal(before, emulator.Requests.Count);
    }

    [Fact]
    public async Task ACommandAfterTheServerClosedTheSessionOpensANewSessionAndSucceeds()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        int lost = await CloseOnTheServerAsync(lr);

        var processes = await lr.Session.ListProcessesAsync();

        Assert.Equal([4, 2888, 5012], processes.Select(p => p.Pid).Order());
        Assert.NotEqual(lost, lr.Session.SessionId);
        Assert.Equal("active", lr.Session.Info.Status);
        var requests = lr.Emulator.Requests.Entries;
        Assert.Contains(requests, e => e.Method == "POST" && e.Path == $"/api/v1/cblr/session/{lost}/command" && e.StatusCode == 404);
        Assert.Equal(2, requests.Count(e => e.Method == "POST" && e.Path == "/api/v1/cblr/session"));
        Assert.Contains(requests, e => e.Method == "POST" && e.Path == $"/api/v1/cblr/session/{lr.Session.SessionId}/command" && e.StatusCode == 200);
    }

    [Fact]
    public async Task CommandsRunningTogetherOnALostSessionOpenOneNewSession()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        int lost = await CloseOnTheServerAsync(lr);

        var results = await Task.WhenAll(
            lr.Session.ListProcessesAsync().ContinueWith(t => t.Result.Count, TaskScheduler.Default),
            lr.Session.ListDirectoryAsync(@"c:\windows\").ContinueWith(t => t.Result.Count, TaskScheduler.Default),
            lr.Session.ListRegistryKeysAsync(@"HKLM\SOFTWARE\CbTyped").ContinueWith(t => t.Result.Count, TaskScheduler.Default));

        Assert.Equal([3, 2, 1], results);
        Assert.NotEqual(lost, lr.Session.SessionId);
        Assert.Equal(2, lr.Emulator.Requests.Entries.Count(e => e.Method == "POST" && e.Path == "/api/v1/cblr/session"));
    }

    [Fact]
    public async Task PutFileAfterTheSessionWasLostUploadsAgainToTheNewSession()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        int lost = await CloseOnTheServerAsync(lr);
        var source = new MemoryStream(Encoding.ASCII.GetBytes("xxPAYLOAD"));
        source.Position = 2; // from where the caller left the stream, on every attempt

        await lr.Session.PutFileAsync(source, @"c:\users\public\payload.txt");

        Assert.Equal("PAYLOAD", Encoding.ASCII.GetString(await lr.Session.GetFileAsync(@"c:\users\public\payload.txt")));
        var uploads = lr.Emulator.Requests.Entries.Where(e => e.Method == "POST" && e.Path.EndsWith("/file", StringComparison.Ordinal)).ToList();
        Assert.Equal([($"/api/v1/cblr/session/{lost}/file", 404), ($"/api/v1/cblr/session/{lr.Session.SessionId}/file", 200)], uploads.Select(e => (e.Path, e.StatusCode)));
        var put = JsonDocument.Parse(lr.CommandBodies().Single(b => b.Contains("\"put file\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(lr.Session.SessionId, put.GetProperty("session_id").GetInt32());
    }

    [Fact]
    public async Task PutFileFromAStreamThatCannotSeekCannotBeSentAgainAfterALostSession()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        await CloseOnTheServerAsync(lr);

        var error = await Assert.ThrowsAsync<CbApiException>(() => lr.Session.PutFileAsync(new ForwardOnlyStream("PAYLOAD"u8.ToArray()), @"c:\users\public\payload.txt"));

        Assert.Equal("The Live Response session was lost after the upload, and the source stream cannot seek to send it again.", error.Message);
        Assert.Equal(["readme.txt"], (await lr.Session.ListDirectoryAsync(@"c:\users\public\")).Select(e => e.FileName));
    }

    [Fact]
    public async Task ACommandThatKeepsLosingItsSessionFailsAfterFiveRetries()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        // Every command POST answers {"status":"NOT_FOUND","reason":"Session <sid> not found"}; opening still works.
        lr.Emulator.Emulator.Faults.Always(EmulatorFault.LiveResponseSessionNotFound(), "/api/v1/cblr/session/", "POST");

        var error = await Assert.ThrowsAsync<CbTimeoutException>(() => lr.Session.ListProcessesAsync());

        Assert.Equal("Command process list failed after 5 retries", error.Message);
        Assert.Equal(5, lr.Emulator.Requests.Entries.Count(e => e.Method == "POST" && e.Path.EndsWith("/command", StringComparison.Ordinal)));
        lr.Emulator.Emulator.Faults.Clear();
    }

    [Fact]
    public async Task ACommandThatDoesNotCompleteInTimeIsATimeoutAndAKillAnswersFalse()
    {
        var options = LiveResponseHarness.FastOptions();
        options.CommandTimeout = TimeSpan.FromMilliseconds(150);
        options.KillTimeout = TimeSpan.FromMilliseconds(150);
        await using var lr = await LiveResponseHarness.StartAsync(emulatorOptions: new CbEmulatorOptions { LiveResponseCommandPolls = 100_000 }, options: options);

        var error = await Assert.ThrowsAsync<CbTimeoutException>(() => lr.Session.ListProcessesAsync());
        bool killed = await lr.Session.KillProcessAsync(5012);

        Assert.Equal("timeout polling for Live Response", error.Message);
        Assert.Matches(@"^/api/v1/cblr/session/\d+/command/\d+$", error.Path);
        Assert.False(killed);
    }

    [Fact]
    public async Task AnotherNotFoundOnACommandIsReportedWithTheServersReason()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        lr.Emulator.Emulator.Faults.FailNext(EmulatorFault.Status(404), 1, $"/api/v1/cblr/session/{lr.Session.SessionId}/command", "POST");

        var error = await Assert.ThrowsAsync<CbApiException>(() => lr.Session.ListProcessesAsync());

        Assert.Equal("Received 404 error from server: Injected fault: HTTP 404", error.Message);
        Assert.IsType<CbObjectNotFoundException>(error.InnerException);
        Assert.Equal(1, lr.Emulator.Requests.Entries.Count(e => e.Method == "POST" && e.Path == "/api/v1/cblr/session")); // no re-session
    }

    [Fact]
    public async Task ACommandTheSensorDoesNotSupportIsRefusedWithoutARequest()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        // A sensor reports what it supports; an older one lacks memdump. Same client, same server session.
        var limited = lr.Session.Info with { SupportedCommands = lr.Session.Info.SupportedCommands.Where(c => c != "memdump").ToList() };
        var session = new LiveResponseSession(lr.Client, 4, isWindows: true, LiveResponseHarness.FastOptions(), limited);
        int commands = lr.Emulator.Requests.CountOf("POST", $"/api/v1/cblr/session/{lr.Session.SessionId}/command");

        var error = await Assert.ThrowsAsync<CbApiException>(() => session.MemdumpAsync(Stream.Null));

        Assert.Equal("Command memdump not supported by this sensor", error.Message);
        Assert.Equal(commands, lr.Emulator.Requests.CountOf("POST", $"/api/v1/cblr/session/{lr.Session.SessionId}/command"));
        Assert.Equal(3, (await session.ListProcessesAsync()).Count);
    }

    [Fact]
    public async Task ClosingIgnoresServerErrorsAndAClosedSessionRefusesCommands()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        lr.Emulator.Emulator.Faults.Always(EmulatorFault.Status(500), "/api/v1/cblr/session/");

        await lr.Session.CloseAsync();

        Assert.True(lr.Session.IsClosed);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => lr.Session.ListProcessesAsync());
        lr.Emulator.Emulator.Faults.Clear();
    }

    [Fact]
    public async Task TheRuntimesHttpLinesLogLiveResponseAndNeverTheToken()
    {
        var log = new CbTyped.Response.Tests.AdminModels.LogCapture();
        await using var emulator = await EmulatorSession.StartAsync(configureClient: o => o.LoggerFactory = log);
        await using (var session = await emulator.Client.OpenLiveResponseSessionAsync(4, LiveResponseHarness.FastOptions()))
        {
            await session.PutFileAsync(new MemoryStream("secret-free bytes"u8.ToArray()), @"c:\windows\temp\a.txt");
            await Assert.ThrowsAsync<LiveResponseException>(() => session.GetFileAsync(@"c:\missing"));
        }

        var lines = log.Lines;
        Assert.Contains(lines, l => l.StartsWith("HTTP POST /api/v1/cblr/session took", StringComparison.Ordinal));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^HTTP POST /api/v1/cblr/session/\d+/command took .* \(response 200\)$"));
        Assert.Contains(lines, l => l.StartsWith("Sending HTTP POST /api/v1/cblr/session/", StringComparison.Ordinal) && l.Contains("\"put file\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^HTTP PUT /api/v1/cblr/session/\d+ took"));
        Assert.DoesNotContain(lines, l => l.Contains(emulator.Emulator.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret-free bytes", StringComparison.Ordinal)); // upload bodies are not logged
    }

    // --- files ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ListDirectoryReturnsTheChildrenWithTheirAttributes()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var windows = await lr.Session.ListDirectoryAsync(@"c:\windows\");
        var etc = await lr.Session.ListDirectoryAsync(@"c:\windows\system32\drivers\etc\*");

        Assert.Equal(["system32", "temp"], windows.Select(e => e.FileName).Order(StringComparer.OrdinalIgnoreCase));
        Assert.All(windows, e => Assert.True(e.IsDirectory));
        var hosts = Assert.Single(etc);
        Assert.Equal("hosts", hosts.FileName);
        Assert.Equal(["ARCHIVE"], hosts.Attributes);
        Assert.False(hosts.IsDirectory);
        Assert.Equal("127.0.0.1 localhost\r\n".Length, hosts.Size);
        Assert.NotNull(hosts.LastWriteTime);
        var body = JsonDocument.Parse(lr.CommandBodies()[^1]).RootElement;
        Assert.Equal("directory list", body.GetProperty("name").GetString());
        Assert.Equal(@"c:\windows\system32\drivers\etc\*", body.GetProperty("object").GetString());
        Assert.Equal(lr.Session.SessionId, body.GetProperty("session_id").GetInt32());
    }

    [Fact]
    public async Task AnErrorResultIsALiveResponseExceptionWithTheCode()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var error = await Assert.ThrowsAsync<LiveResponseException>(() => lr.Session.ListDirectoryAsync(@"c:\nowhere\"));

        Assert.Equal("error", error.Status);
        Assert.Equal("WinHresult", error.ResultType);
        Assert.Equal(FileNotFound, error.ResultCode);
        Assert.Equal("ERROR_FILE_NOT_FOUND", error.Win32ErrorName);
        Assert.Equal("directory list", error.CommandName);
        Assert.Equal("Live Response command 'directory list' failed: Win32 error code 0x80070002 (ERROR_FILE_NOT_FOUND)", error.Message);
        Assert.DoesNotContain(lr.Emulator.Emulator.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFileStreamsTheFilesBytes()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        using var destination = new MemoryStream();
        long written = await lr.Session.GetFileAsync(@"C:\Users\Public\README.TXT", destination);
        byte[] hosts = await lr.Session.GetFileAsync(@"c:\windows\system32\drivers\etc\hosts");

        Assert.Equal("hello from the emulator", Encoding.ASCII.GetString(destination.ToArray()));
        Assert.Equal(destination.Length, written);
        Assert.Equal("127.0.0.1 localhost\r\n", Encoding.ASCII.GetString(hosts));
        await using (var opened = await lr.Session.OpenFileAsync(@"c:\users\public\readme.txt"))
        {
            Assert.False(opened.CanSeek);
            Assert.Equal("hello from the emulator", await new StreamReader(opened).ReadToEndAsync());
        }

        Assert.Contains(lr.Emulator.Requests.Entries, e => e.Method == "GET" && Regex.IsMatch(e.Path, $@"^/api/v1/cblr/session/{lr.Session.SessionId}/file/\d+/content$"));
        var missing = await Assert.ThrowsAsync<LiveResponseException>(() => lr.Session.GetFileAsync(@"c:\missing.txt"));
        Assert.Equal(FileNotFound, missing.ResultCode);
    }

    [Fact]
    public async Task PutFileUploadsAMultipartPartNamedFileThenPlacesIt()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        byte[] content = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i * 7))];

        using var source = new MemoryStream(content);
        await lr.Session.PutFileAsync(source, @"c:\windows\temp\upload.bin");

        Assert.True(source.CanRead); // the caller's stream is left open

        Assert.Equal(content, await lr.Session.GetFileAsync(@"c:\windows\temp\upload.bin"));
        var upload = lr.Emulator.Requests.Entries.Single(e => e.Method == "POST" && e.Path == $"/api/v1/cblr/session/{lr.Session.SessionId}/file");
        Assert.Contains("name=file", upload.Body, StringComparison.Ordinal);
        var put = JsonDocument.Parse(lr.CommandBodies().Single(b => b.Contains("\"put file\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(@"c:\windows\temp\upload.bin", put.GetProperty("object").GetString());
        Assert.True(put.GetProperty("file_id").GetInt32() >= 1);
        var listed = Assert.Single(await lr.Session.ListDirectoryAsync(@"c:\windows\temp\"));
        Assert.Equal(5000, listed.Size);
    }

    [Fact]
    public async Task DeleteFileAndCreateDirectoryChangeTheEndpointsFileSystem()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        await lr.Session.DeleteFileAsync(@"c:\users\public\readme.txt");
        await lr.Session.CreateDirectoryAsync(@"c:\users\public\made");

        var entry = Assert.Single(await lr.Session.ListDirectoryAsync(@"c:\users\public\"));
        Assert.Equal("made", entry.FileName);
        Assert.True(entry.IsDirectory);
        var error = await Assert.ThrowsAsync<LiveResponseException>(() => lr.Session.DeleteFileAsync(@"c:\users\public\readme.txt"));
        Assert.Equal(FileNotFound, error.ResultCode);
    }

    [Fact]
    public async Task WalkVisitsTheTreeTopDownOrBottomUp()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var down = await ToListAsync(lr.Session.WalkAsync(@"c:\windows"));
        var up = await ToListAsync(lr.Session.WalkAsync(@"c:\windows", topDown: false));

        string[] expected = [@"c:\windows", @"c:\windows\system32", @"c:\windows\system32\drivers", @"c:\windows\system32\drivers\etc", @"c:\windows\temp"];
        Assert.Equal(expected, down.Select(e => e.Path).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(@"c:\windows", down[0].Path);
        Assert.Equal(@"c:\windows", up[^1].Path);
        Assert.True(up.FindIndex(e => e.Path == @"c:\windows\system32\drivers\etc") < up.FindIndex(e => e.Path == @"c:\windows\system32"));
        Assert.Equal(["system32", "temp"], down[0].Directories.Order(StringComparer.OrdinalIgnoreCase));
        var etc = down.Single(e => e.Path == @"c:\windows\system32\drivers\etc");
        Assert.Equal(["hosts"], etc.Files);
        Assert.Empty(etc.Directories);
        Assert.Contains(@"c:\windows\system32\drivers\*", lr.CommandBodies().Select(b => JsonDocument.Parse(b).RootElement.GetProperty("object").GetString()));

        var errors = new List<Exception>();
        Assert.Empty(await ToListAsync(lr.Session.WalkAsync(@"c:\nowhere", onError: errors.Add)));
        Assert.Equal(FileNotFound, Assert.IsType<LiveResponseException>(Assert.Single(errors)).ResultCode);
    }

    [Fact]
    public async Task TheSessionArchiveIsAZip()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        await lr.Session.ListProcessesAsync();

        using var archive = new MemoryStream();
        long size = await lr.Session.GetSessionArchiveAsync(archive);

        Assert.Equal(archive.Length, size);
        Assert.True(size > 4);
        Assert.Equal("PK"u8.ToArray(), archive.ToArray()[..2]);
    }

    // --- processes ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task ProcessListReadsEveryMember()
    {
        await using var lr = await LiveResponseHarness.StartAsync(sensorId: 3);

        var processes = await lr.Session.ListProcessesAsync();

        var explorer = processes.Single(p => p.Pid == 2888);
        Assert.Equal(4, explorer.ParentPid);
        Assert.Equal(@"c:\windows\explorer.exe", explorer.Path);
        Assert.Equal(@"WIN-IA9NQ1GN8OI\bit9rad", explorer.UserName);
        Assert.Equal(@"C:\Windows\Explorer.EXE", explorer.CommandLine);
        Assert.NotNull(explorer.CreateTime);
        var system = processes.Single(p => p.Pid == 4);
        Assert.Equal("SYSTEM", system.UserName);
        Assert.Equal("s-1-5-18", system.Sid);
        Assert.Equal(0, system.ParentPid);
        Assert.Equal("\"C:\\Windows\\system32\\cmd.exe\"", processes.Single(p => p.Pid == 5012).CommandLine);
    }

    [Fact]
    public async Task KillRemovesTheProcessAndAnUnknownPidIsAnError()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        Assert.True(await lr.Session.KillProcessAsync(5012));

        Assert.DoesNotContain(await lr.Session.ListProcessesAsync(), p => p.Pid == 5012);
        var body = JsonDocument.Parse(lr.CommandBodies().Single(b => b.Contains("\"kill\"", StringComparison.Ordinal))).RootElement;
        Assert.Equal(5012, body.GetProperty("object").GetInt32());
        var error = await Assert.ThrowsAsync<LiveResponseException>(() => lr.Session.KillProcessAsync(5012));
        Assert.Equal(InvalidParameter, error.ResultCode);
        Assert.Equal("ERROR_INVALID_PARAMETER", error.Win32ErrorName);
    }

    [Fact]
    public async Task CreateProcessReturnsTheOutputThroughATempFileThatIsThenDeleted()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var result = await lr.Session.CreateProcessAsync("cmd.exe /c ipconfig");

        Assert.Equal("emulated output of: cmd.exe /c ipconfig\r\n", result.Output);
        Assert.True(result.Pid >= 6000);
        Assert.Equal(0, result.ReturnCode);
        var create = JsonDocument.Parse(lr.CommandBodies().Single(b => b.Contains("\"create process\"", StringComparison.Ordinal))).RootElement;
        string outputFile = create.GetProperty("output_file").GetString()!;
        Assert.Matches(@"^c:\\windows\\temp\\cblr\.[A-Za-z0-9]{12}\.tmp$", outputFile);
        Assert.True(create.GetProperty("wait").GetBoolean());
        Assert.Equal("cmd.exe /c ipconfig", create.GetProperty("object").GetString());
        var delete = JsonDocument.Parse(lr.CommandBodies()[^1]).RootElement;
        Assert.Equal("delete file", delete.GetProperty("name").GetString());
        Assert.Equal(outputFile, delete.GetProperty("object").GetString());
        Assert.Empty(await lr.Session.ListDirectoryAsync(@"c:\windows\temp\"));
    }

    [Fact]
    public async Task CreateProcessWithoutWaitingSendsNoOutputFile()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var result = await lr.Session.CreateProcessAsync("notepad.exe", waitForOutput: false, workingDirectory: @"c:\users", waitForCompletion: false);
        var waited = await lr.Session.CreateProcessAsync("calc.exe", waitForOutput: false);

        Assert.Equal(new LiveResponseProcessResult(null, null, null), result);
        Assert.True(waited.Pid >= 6000);
        Assert.Null(waited.Output);
        var first = JsonDocument.Parse(lr.CommandBodies()[0]).RootElement;
        Assert.False(first.GetProperty("wait").GetBoolean());
        Assert.False(first.TryGetProperty("output_file", out _));
        Assert.Equal(@"c:\users", first.GetProperty("working_directory").GetString());
    }

    [Fact]
    public async Task MemdumpFetchesTheDumpAndDeletesIt()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        using var compressed = new MemoryStream();
        long size = await lr.Session.MemdumpAsync(compressed);
        using var plain = new MemoryStream();
        await lr.Session.MemdumpAsync(plain, @"c:\users\public\mem.dmp", compress: false);

        Assert.Equal("MDMP emulated memory dump", Encoding.ASCII.GetString(compressed.ToArray()));
        Assert.Equal(compressed.Length, size);
        Assert.Equal("MDMP emulated memory dump", Encoding.ASCII.GetString(plain.ToArray()));
        var dumps = lr.CommandBodies().Select(b => JsonDocument.Parse(b).RootElement).Where(b => b.GetProperty("name").GetString() == "memdump").ToList();
        Assert.True(dumps[0].GetProperty("compress").GetBoolean());
        Assert.Matches(@"^c:\\windows\\temp\\cblr\.[A-Za-z0-9]{12}\.tmp$", dumps[0].GetProperty("object").GetString());
        Assert.False(dumps[1].GetProperty("compress").GetBoolean());
        Assert.Empty(await lr.Session.ListDirectoryAsync(@"c:\windows\temp\"));
        Assert.Equal(["readme.txt"], (await lr.Session.ListDirectoryAsync(@"c:\users\public\")).Select(e => e.FileName));
    }

    // --- registry -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task RegistryKeysAndValuesAreRead()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        var key = await lr.Session.EnumRegistryKeyAsync(@"HKLM\SOFTWARE\CbTyped");
        var version = await lr.Session.GetRegistryValueAsync(@"HKLM\SOFTWARE\CbTyped\Version");

        Assert.Equal(["Sub"], key.SubKeys);
        Assert.Equal(["Sub"], await lr.Session.ListRegistryKeysAsync(@"HKLM\SOFTWARE\CbTyped"));
        var count = key.Values.Single(v => v.Name == "Count");
        Assert.Equal("REG_DWORD", count.ValueType);
        Assert.Equal(3, count.Number);
        Assert.Equal("Version", version.Name);
        Assert.Equal("REG_SZ", version.ValueType);
        Assert.Equal("1.0", version.Text);
        Assert.Empty((await lr.Session.EnumRegistryKeyAsync(@"HKLM\SOFTWARE\CbTyped\Sub")).Values);
        var missing = await Assert.ThrowsAsync<LiveResponseException>(() => lr.Session.GetRegistryValueAsync(@"HKLM\SOFTWARE\CbTyped\Nope"));
        Assert.Equal(FileNotFound, missing.ResultCode);
        await Assert.ThrowsAsync<LiveResponseException>(() => lr.Session.EnumRegistryKeyAsync(@"HKLM\SOFTWARE\Nope"));
    }

    [Fact]
    public async Task SetRegistryValuePicksTheTypeFromTheValue()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        const string Key = @"HKLM\SOFTWARE\CbTyped\";

        await lr.Session.SetRegistryValueAsync(Key + "Count", 42);
        await lr.Session.SetRegistryValueAsync(Key + "Paths", ["a", "b"]);
        await lr.Session.SetRegistryValueAsync(Key + "Name", "emulated");
        await lr.Session.SetRegistryValueAsync(Key + "Home", "%SystemRoot%", valueType: "REG_EXPAND_SZ");

        var count = await lr.Session.GetRegistryValueAsync(Key + "Count");
        Assert.Equal(("REG_DWORD", 42L), (count.ValueType, count.Number));
        var paths = await lr.Session.GetRegistryValueAsync(Key + "Paths");
        Assert.Equal("REG_MULTI_SZ", paths.ValueType);
        Assert.Equal(["a", "b"], paths.Strings);
        var name = await lr.Session.GetRegistryValueAsync(Key + "Name");
        Assert.Equal(("REG_SZ", "emulated"), (name.ValueType, name.Text));
        Assert.Equal("REG_EXPAND_SZ", (await lr.Session.GetRegistryValueAsync(Key + "Home")).ValueType);
        var sent = lr.CommandBodies().Select(b => JsonDocument.Parse(b).RootElement).Where(b => b.GetProperty("name").GetString() == "reg set value").ToList();
        Assert.Equal(4, sent.Count);
        Assert.All(sent, b => Assert.True(b.GetProperty("overwrite").GetBoolean()));
        Assert.Equal(JsonValueKind.Number, sent[0].GetProperty("value_data").ValueKind);
        Assert.Equal(JsonValueKind.Array, sent[1].GetProperty("value_data").ValueKind);
    }

    [Fact]
    public async Task RegistryKeysAndValuesAreCreatedAndDeleted()
    {
        await using var lr = await LiveResponseHarness.StartAsync();

        await lr.Session.CreateRegistryKeyAsync(@"HKLM\SOFTWARE\CbTyped\Made");
        Assert.Equal(["Made", "Sub"], (await lr.Session.ListRegistryKeysAsync(@"HKLM\SOFTWARE\CbTyped")).Order(StringComparer.OrdinalIgnoreCase));
        await lr.Session.DeleteRegistryKeyAsync(@"HKLM\SOFTWARE\CbTyped\Made");
        await lr.Session.DeleteRegistryValueAsync(@"HKLM\SOFTWARE\CbTyped\Version");

        var key = await lr.Session.EnumRegistryKeyAsync(@"HKLM\SOFTWARE\CbTyped");
        Assert.Equal(["Sub"], key.SubKeys);
        Assert.Equal(["Count"], key.Values.Select(v => v.Name));
        var error = await Assert.ThrowsAsync<LiveResponseException>(() => lr.Session.DeleteRegistryValueAsync(@"HKLM\SOFTWARE\CbTyped\Version"));
        Assert.Equal(FileNotFound, error.ResultCode);
    }

    // --- paths (no request) ---------------------------------------------------------------------------------------

    [Fact]
    public void PathsAndTempFilesFollowTheEndpointsOperatingSystem()
    {
        using var client = new CbResponseClient(new Uri("https://cb.example"), "not-used");
        var info = new LiveResponseSessionInfo { Id = 1, SensorId = 9, Status = "active" };
        var linux = new LiveResponseSession(client, 9, isWindows: false, new LiveResponseOptions(), info);
        var windows = new LiveResponseSession(client, 9, isWindows: true, new LiveResponseOptions(), info);

        Assert.Equal("/*", linux.PathJoin("/", "*"));
        Assert.Equal("/var/log", linux.PathJoin("/var", "log"));
        Assert.Matches(@"^/tmp/cblr\.[A-Za-z0-9]{12}\.tmp$", linux.RandomTempFileName());
        Assert.Equal(@"c:\*", windows.PathJoin(@"c:\", "*"));
        Assert.Equal(@"c:\windows\temp", windows.PathJoin(@"c:\windows", "temp"));
        Assert.Matches(@"^c:\\windows\\temp\\cblr\.[A-Za-z0-9]{12}\.tmp$", windows.RandomTempFileName());
        Assert.NotEqual(windows.RandomTempFileName(), windows.RandomTempFileName());
    }

    [Fact]
    public void OptionsDefaultToCbapisWaits()
    {
        var options = new LiveResponseOptions();

        Assert.Equal((1.0, 360.0), (options.SessionPollInterval.TotalSeconds, options.SessionTimeout.TotalSeconds));
        Assert.Equal((0.5, 120.0), (options.CommandPollInterval.TotalSeconds, options.CommandTimeout.TotalSeconds));
        Assert.Equal((0.1, 10.0), (options.KillPollInterval.TotalSeconds, options.KillTimeout.TotalSeconds));
        Assert.Equal((5.0, 3600.0), (options.MemdumpPollInterval.TotalSeconds, options.MemdumpTimeout.TotalSeconds));
        Assert.Equal(5, options.MaxCommandRetries);
    }

    /// <summary>Closes the harness's session behind the SDK's back (the raw PUT cbapi's close sends); returns its id.</summary>
    private static async Task<int> CloseOnTheServerAsync(LiveResponseHarness lr)
    {
        int id = lr.Session.SessionId;
        using var current = await lr.Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{id}");
        using var answer = await lr.Client.SendJsonAsync(HttpMethod.Put, $"/api/v1/cblr/session/{id}", JsonBody(current!.RootElement, "close"));
        Assert.Equal("close", answer!.RootElement.GetProperty("status").GetString());
        return id;
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    private static ReadOnlyMemory<byte> JsonBody(JsonElement session, string status)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in session.EnumerateObject().Where(m => m.Name != "status"))
                member.WriteTo(writer);
            writer.WriteString("status", status);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }
}
