using CbTyped.Examples;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Walkthrough;

/// <summary>
/// Each step of the seed walkthrough (samples/CbTyped.Examples) against the emulator it embeds (a 5.2 server): its
/// output must be exactly what cb-response-api-examples.txt prints (<see cref="SeedOutput"/>), and it must have done
/// what the document says on the server.
/// </summary>
public sealed class WalkthroughStepTests
{
    private static async Task<(EmulatorSession Session, StepContext Step, StringWriter Output)> StartAsync(WalkthroughOptions? options = null)
    {
        var session = await EmulatorSession.StartAsync(EmbeddedEmulator.Options());
        var output = new StringWriter { NewLine = "\n" };
        options ??= new WalkthroughOptions { DownloadDirectory = TempDirectory() };
        return (session, new StepContext(session.Client, options, output), output);
    }

    internal static string TempDirectory() => Path.Combine(Path.GetTempPath(), "cbtyped-walkthrough-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Step1StreamsTheBinaryToDiskAndPrintsItsFirstTwoBytes()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await DownloadBinaryStep.RunAsync(step, default);

        Assert.Equal(SeedOutput.Step1, output.ToString());
        var saved = new FileInfo(Path.Combine(step.Options.DownloadDirectory, "mimikatz.exe"));
        Assert.True(saved.Exists);
        Assert.True(saved.Length > 1000);
        Assert.Equal("MZ"u8.ToArray(), File.ReadAllBytes(saved.FullName)[..2]);
    }

    [Fact]
    public async Task Step2BansTheBinaryAndPrintsNothingButTheHeading()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await BanBinaryStep.RunAsync(step, default);

        Assert.Equal(SeedOutput.Step2, output.ToString());
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/v1/banning/blacklist"));
        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        var ban = await fresh.GetAsync<BannedHash>("7FB55F5A62E78AF9B58D08AAEEAEF848");
        Assert.Equal("Banned from API", ban.Text);
        Assert.True(ban.Enabled);
    }

    [Fact]
    public async Task Step3IsolatesAndUnisolatesTheSensorAndPrintsTrueTwice()
    {
        var (session, step, output) = await StartAsync(new WalkthroughOptions { IsolationPollInterval = TimeSpan.FromMilliseconds(10) });
        await using var _ = session;

        await IsolateSensorStep.RunAsync(step, default);

        Assert.Equal(SeedOutput.Step3, output.ToString());
        Assert.Equal(2, session.Requests.CountOf("PUT", "/api/v1/sensor/4"));
        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        Assert.False((await fresh.GetAsync<Sensor>("4")).NetworkIsolationEnabled);
    }

    [Fact]
    public async Task Step4PrintsBothNetExeProcessesWithTheirParentsAndTheSecondWalkIsCached()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await QueryProcessesStep.RunAsync(step, default);

        Assert.Equal(SeedOutput.Step4, output.ToString());
        // Every other ancestor is fetched once for both walks (the summaries' parent blocks are the rest, as in
        // cbapi): the second walk is served by the identity cache.
        var perProcess = session.Requests.Entries
            .Where(e => e.Path.Contains("/process/", StringComparison.Ordinal) && e.Method == "GET")
            .GroupBy(e => e.Path)
            .ToList();
        Assert.Equal(5, perProcess.Count);
        Assert.All(perProcess, g => Assert.Single(g));
    }

    [Fact]
    public async Task Step5CreatesTheWatchlistReadsItsQueryCountsAndDisablesIt()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await WatchlistStep.RunAsync(step, default);

        Assert.Equal(SeedOutput.Step5, output.ToString());
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/v1/watchlist"));
        Assert.Equal(1, session.Requests.CountOf("PUT", "/api/v1/watchlist/222"));
        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        var saved = await fresh.GetAsync<Watchlist>("222");
        Assert.Equal("[WARN] Attempts to mount internal share", saved.Name);
        Assert.False(saved.Enabled);
    }

    [Fact]
    public async Task Step6JoinsHostGroupAndSigningAndFetchesEachSensorGroupAndBinaryOnce()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await JoinsStep.RunAsync(step, default);

        Assert.Equal(SeedOutput.Step6, output.ToString());
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/sensor/3"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/group/1"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/binary/79B6D4C5283FC806387C55B8D7C8B762/summary"));
        Assert.Equal(1, session.Requests.CountOf("GET", "/api/v1/binary/BF93A2F9901E9B3DFCA8A7982F4A9868/summary"));
    }

    [Fact]
    public async Task Step7CreatesTheUserAndTheGroupAndMovesTheSensor()
    {
        var (session, step, output) = await StartAsync();
        await using var _ = session;

        await AdministrationStep.RunAsync(step, default);

        Assert.Equal(SeedOutput.Step7, output.ToString());
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/user"));
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/group"));
        Assert.Equal(1, session.Requests.CountOf("PUT", "/api/v1/sensor/3"));
        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        var user = await fresh.GetAsync<User>("jgarman");
        Assert.Equal(("Jason", "Garman", "jgarman@carbonblack.com", false), (user.FirstName, user.LastName, user.Email, user.GlobalAdmin));
        var group = await fresh.GetAsync<SensorGroup>("2");
        Assert.Equal(("Critical Endpoints", 1), (group.Name, group.SiteId));
        Assert.Equal(2, (await fresh.GetAsync<Sensor>("3")).GroupId);
    }

    [Fact]
    public async Task AgainstARealServerEveryStateChangingStepIsRefusedWithoutTheFlag()
    {
        var (session, step, output) = await StartAsync(new WalkthroughOptions { IsRealServer = true, DownloadDirectory = TempDirectory() });
        await using var _ = session;

        await BanBinaryStep.RunAsync(step, default);
        await IsolateSensorStep.RunAsync(step, default);
        await WatchlistStep.RunAsync(step, default);
        await AdministrationStep.RunAsync(step, default);

        Assert.Equal(
            SeedOutput.Section(SeedOutput.Ban, "Skipped: banning a hash changes server state; pass --allow-changes to run it against a real server.")
            + SeedOutput.Section(SeedOutput.Isolate, "Skipped: isolating a sensor changes server state; pass --allow-changes to run it against a real server.")
            + SeedOutput.Section(
                SeedOutput.Watchlists,
                "Skipped: creating a watchlist changes server state; pass --allow-changes to run it against a real server.",
                "No watchlist is named [WARN] Attempts to mount internal share.")
            + SeedOutput.Section(SeedOutput.Administration, "Skipped: creating a user and a sensor group changes server state; pass --allow-changes to run it against a real server."),
            output.ToString());
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method is not "GET");
    }
}
