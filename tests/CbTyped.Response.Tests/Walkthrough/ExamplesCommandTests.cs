using System.Text.RegularExpressions;
using CbTyped.Emulator;
using CbTyped.Examples;

namespace CbTyped.Response.Tests.Walkthrough;

/// <summary>
/// The sample's command line as `dotnet run --project samples/CbTyped.Examples` runs it: with no server it starts the
/// embedded emulator and prints the document's output exactly; <c>--verbose</c> adds cbapi's log lines; with
/// <c>--url</c>/<c>--token</c> (a real server: here an emulator over TLS) every state-changing step is refused unless
/// <c>--allow-changes</c> is given.
/// </summary>
public sealed partial class ExamplesCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exitCode = await ExamplesCommand.Create(output, error).Parse(args).InvokeAsync();
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task WithNoServerItStartsTheEmulatorAndPrintsTheDocumentsOutputExactly()
    {
        var (exitCode, output, error) = await RunAsync("--download-dir", WalkthroughStepTests.TempDirectory());

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        Assert.Equal(SeedOutput.All, output);
    }

    [Fact]
    public async Task VerboseAddsTheHttpLogLinesInCbapisFormatAndNothingElse()
    {
        var (exitCode, output, _) = await RunAsync("--verbose", "--download-dir", WalkthroughStepTests.TempDirectory());

        Assert.Equal(0, exitCode);
        string[] lines = output.Split('\n');
        string[] logLines = [.. lines.Where(IsLogLine)];
        // Without the log lines, the output is the document's.
        Assert.Equal(SeedOutput.All, string.Join('\n', lines.Where(l => !IsLogLine(l))));

        // The log lines the document shows (timings aside) appear in its order.
        string[] documentLines =
        [
            "Creating a new BannedHash object",
            "Sending HTTP POST /api/v1/banning/blacklist with {\"md5hash\":\"7FB55F5A62E78AF9B58D08AAEEAEF848\",\"text\":\"Banned from API\"}",
            "HTTP POST /api/v1/banning/blacklist took 0.000s (response 200)",
            "Received response: {\"result\":\"success\"}",
            "HTTP GET /api/v1/banning/blacklist/7FB55F5A62E78AF9B58D08AAEEAEF848 took 0.000s (response 200)",
            "Updating Sensor with unique ID 4",
            "HTTP PUT /api/v1/sensor/4 took 0.000s (response 204)",
            "HTTP GET /api/v1/sensor/4 took 0.000s (response 200)",
            "Updating Sensor with unique ID 4",
            "HTTP PUT /api/v1/sensor/4 took 0.000s (response 204)",
            "HTTP GET /api/v1/sensor/4 took 0.000s (response 200)",
            "HTTP GET /api/v1/process?cb.urlver=1&facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&rows=100&sort=last_update+desc&start=0 took 0.000s (response 200)",
            "Creating a new Watchlist object",
            "HTTP POST /api/v1/watchlist took 0.000s (response 200)",
            "Received response: {\"id\":222}",
            "Only received an ID back from the server, forcing a refresh",
            "HTTP GET /api/v1/watchlist/222 took 0.000s (response 200)",
            "HTTP GET /api/v1/process?cb.urlver=1&facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&rows=0&start=0 took 0.000s (response 200)",
            "Updating Watchlist with unique ID 222",
            "HTTP PUT /api/v1/watchlist/222 took 0.000s (response 200)",
            "HTTP GET /api/v1/sensor/3 took 0.000s (response 200)",
            "HTTP GET /api/group/1 took 0.000s (response 200)",
            "HTTP GET /api/v1/binary/79B6D4C5283FC806387C55B8D7C8B762/summary took 0.000s (response 200)",
            "HTTP GET /api/v1/binary/BF93A2F9901E9B3DFCA8A7982F4A9868/summary took 0.000s (response 200)",
            "Creating a new User object",
            "HTTP POST /api/user took 0.000s (response 200)",
            "Creating a new SensorGroup object",
            "HTTP POST /api/group took 0.000s (response 200)",
            "Received response: {\"id\":2}",
            "HTTP GET /api/group/2 took 0.000s (response 200)",
            "Updating Sensor with unique ID 3",
            "HTTP PUT /api/v1/sensor/3 took 0.000s (response 204)",
        ];
        string[] normalized = [.. logLines.Select(l => Timing().Replace(l, "took 0.000s"))];
        int position = 0;
        foreach (string expected in documentLines)
        {
            int found = Array.IndexOf(normalized, expected, position);
            Assert.True(found >= 0, $"Missing (in order): {expected}\nLog lines:\n{string.Join('\n', normalized)}");
            position = found + 1;
        }

        // Each sensor update is the document's exact sequence: no GET before it (the search row has the six fields
        // the PUT sends), then the PUT and the refresh.
        foreach (string id in new[] { "4", "3" })
        {
            int updating = Array.IndexOf(normalized, "Updating Sensor with unique ID " + id);
            Assert.DoesNotContain($"HTTP GET /api/v1/sensor/{id} ", normalized[updating - 1], StringComparison.Ordinal);
            Assert.StartsWith($"Sending HTTP PUT /api/v1/sensor/{id} with {{", normalized[updating + 1], StringComparison.Ordinal);
            Assert.Equal($"HTTP PUT /api/v1/sensor/{id} took 0.000s (response 204)", normalized[updating + 2]);
            Assert.Equal($"HTTP GET /api/v1/sensor/{id} took 0.000s (response 200)", normalized[updating + 3]);
        }
    }

    [Fact]
    public async Task AgainstAServerGivenByUrlAndTokenStateChangingStepsAreRefusedWithoutAllowChanges()
    {
        await using var emulator = await CbEmulator.StartAsync(TlsOptions());

        var (exitCode, output, error) = await RunAsync(
            "--url", emulator.BaseUrl.ToString(), "--token", emulator.Token, "--no-ssl-verify", "--download-dir", WalkthroughStepTests.TempDirectory());

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        const string Refused = " changes server state; pass --allow-changes to run it against a real server.";
        Assert.Equal(
            SeedOutput.Step1
            + SeedOutput.Section(SeedOutput.Ban, "Skipped: banning a hash" + Refused)
            + SeedOutput.Section(SeedOutput.Isolate, "Skipped: isolating a sensor" + Refused)
            + SeedOutput.Step4
            + SeedOutput.Section(SeedOutput.Watchlists, "Skipped: creating a watchlist" + Refused, "No watchlist is named [WARN] Attempts to mount internal share.")
            + SeedOutput.Step6
            + SeedOutput.Section(SeedOutput.Administration, "Skipped: creating a user and a sensor group" + Refused),
            output);
        Assert.NotEmpty(emulator.RequestLog.Entries);
        Assert.DoesNotContain(emulator.RequestLog.Entries, e => e.Method is not "GET");
    }

    [Fact]
    public async Task AgainstAServerGivenByUrlAndTokenAllowChangesRunsEveryStep()
    {
        await using var emulator = await CbEmulator.StartAsync(TlsOptions());

        var (exitCode, output, error) = await RunAsync(
            "--url", emulator.BaseUrl.ToString(), "--token", emulator.Token, "--no-ssl-verify", "--allow-changes",
            "--download-dir", WalkthroughStepTests.TempDirectory());

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exitCode);
        Assert.Equal(SeedOutput.All, output);
        Assert.Equal(1, emulator.RequestLog.CountOf("POST", "/api/v1/banning/blacklist"));
        Assert.Equal(1, emulator.RequestLog.CountOf("PUT", "/api/v1/sensor/3"));
    }

    [Fact]
    public async Task AgainstAServerGivenByAProfileStateChangingStepsAreRefusedWithoutAllowChanges()
    {
        await using var emulator = await CbEmulator.StartAsync(TlsOptions());
        // The watchlist exists already, so the read-only run reads it back and counts it, but may not disable it.
        using (var setup = new CbResponseClient(emulator.BaseUrl, emulator.Token, new CbResponseClientOptions { VerifyServerCertificate = false }))
        {
            await setup.Select<Process>().Where("process_name:net.exe").And(@"cmdline:\\test\blah")
                .CreateWatchlistAsync(setup, "[WARN] Attempts to mount internal share");
        }

        emulator.RequestLog.Clear();
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        string? profileAsked = null;
        CbResponseClient FromProfile(string profile, CbResponseClientOptions options)
        {
            profileAsked = profile;
            options.VerifyServerCertificate = false;
            return new CbResponseClient(emulator.BaseUrl, emulator.Token, options);
        }

        int exitCode = await ExamplesCommand.Create(output, error, FromProfile)
            .Parse(["--profile", "incident", "--download-dir", WalkthroughStepTests.TempDirectory()]).InvokeAsync();

        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(0, exitCode);
        Assert.Equal("incident", profileAsked);
        const string Refused = " changes server state; pass --allow-changes to run it against a real server.";
        Assert.Equal(
            SeedOutput.Step1
            + SeedOutput.Section(SeedOutput.Ban, "Skipped: banning a hash" + Refused)
            + SeedOutput.Section(SeedOutput.Isolate, "Skipped: isolating a sensor" + Refused)
            + SeedOutput.Step4
            + SeedOutput.Section(
                SeedOutput.Watchlists,
                "Skipped: creating a watchlist" + Refused,
                @"process_name:net.exe cmdline:\\test\blah",
                "2",
                "Skipped: disabling a watchlist" + Refused)
            + SeedOutput.Step6
            + SeedOutput.Section(SeedOutput.Administration, "Skipped: creating a user and a sensor group" + Refused),
            output.ToString());
        Assert.DoesNotContain(emulator.RequestLog.Entries, e => e.Method is not "GET");
    }

    [Fact]
    public async Task AUrlWithoutATokenIsAUsageError()
    {
        var (exitCode, output, error) = await RunAsync("--url", "https://127.0.0.1:1/");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal("--url and --token go together.\n", error);
    }

    [Fact]
    public async Task TheServersCertificateIsVerifiedUnlessNoSslVerifyIsGiven()
    {
        await using var emulator = await CbEmulator.StartAsync(TlsOptions());

        var (exitCode, _, error) = await RunAsync("--url", emulator.BaseUrl.ToString(), "--token", emulator.Token);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("CbConnectionException: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Token, error, StringComparison.Ordinal);
    }

    private static CbEmulatorOptions TlsOptions()
    {
        var options = EmbeddedEmulator.Options();
        options.UseTls = true;
        return options;
    }

    private static bool IsLogLine(string line) => LogLine().IsMatch(line);

    [GeneratedRegex(@"^(HTTP |Sending HTTP |Received response: |Creating a new |Updating |Only received an ID|Connected to Cb server|Must count result set)")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"took \d+\.\d+s")]
    private static partial Regex Timing();
}
