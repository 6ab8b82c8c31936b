using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Scripts;

/// <summary>
/// cbapi's administration example scripts (alerts, binaries, feeds, watchlists, sensor groups, users, sensor actions),
/// ported under samples/scripts/: each is run with <c>dotnet run</c> against a fresh emulator, and its output and its
/// effect on the emulator are read back through the SDK.
/// </summary>
public sealed class AdminScriptPortTests
{
    private const string MimikatzMd5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";

    [Fact]
    public async Task AlertBulkResolveResolvesEveryUnresolvedAlertThenFindsNoneTheSecondTime()
    {
        await using var session = await EmulatorSession.StartAsync();
        var unresolved = await session.Client.Select<Alert>().Where("-status:Resolved").ToListAsync();
        Assert.Equal(2, unresolved.Count); // the seed's third alert is resolved already

        var first = await ScriptRunner.RunAsync(session.Emulator, "alert_bulk_resolve");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal([.. unresolved.Select(a => "Resolved " + a.UniqueId), "Waiting for alert changes to take effect...", "Complete. Resolved 2 alerts."],
            first.Output.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, await session.Client.Select<Alert>().Where("-status:Resolved").CountAsync());
        Assert.Equal(2, session.Requests.Entries.Count(e => e.Method == "POST" && e.Path.StartsWith("/api/v1/alert/", StringComparison.Ordinal)));

        var second = await ScriptRunner.RunAsync(session.Emulator, "alert_bulk_resolve", "--query", "watchlist_name:Credential*");
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal("Congratulations! You have no unresolved alerts!\n", second.Output);
    }

    [Fact]
    public async Task BinaryExportWritesTheMd5OfEveryBinaryOneALine()
    {
        await using var session = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var file = Path.Combine(dir, "md5s.txt");
            var (exitCode, _, error) = await ScriptRunner.RunAsync(session.Emulator, "binary_export", "--filename", file);
            Assert.True(exitCode == 0, error);

            var md5s = new List<string>();
            await foreach (var binary in session.Client.Select<Binary>())
                md5s.Add(binary.Md5!);
            Assert.Contains(MimikatzMd5, md5s);
            Assert.Equal(string.Concat(md5s.Select(m => m + "\n")), await File.ReadAllTextAsync(file));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task DumpAllBinariesSavesEachBinaryAndItsDocumentUnderItsMd5AndSkipsThemTheSecondTime()
    {
        await using var session = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var first = await ScriptRunner.RunAsync(session.Emulator, "dump_all_binaries", "-d", dir);
            Assert.True(first.ExitCode == 0, first.Error);

            var count = 0;
            await foreach (var binary in session.Client.Select<Binary>())
            {
                var md5 = binary.Md5!.ToUpperInvariant();
                var path = Path.Combine(dir, md5[..3], md5[3..6], md5);
                using var expected = new MemoryStream();
                await using (var download = await binary.OpenFileAsync())
                    await download.CopyToAsync(expected);
                Assert.Equal(expected.ToArray(), await File.ReadAllBytesAsync(path));
                using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(path + ".json"));
                Assert.Equal(binary.Md5, document.RootElement.GetProperty("md5").GetString());
                Assert.Contains($"INFO:__main__:Grabbed {md5} binary & process document", first.Error, StringComparison.Ordinal);
                count++;
            }
            Assert.True(count > 1);
            Assert.Equal(count, Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories).Length);

            // A second run finds every file complete (its size is the binary's copied size) and downloads nothing.
            session.Requests.Clear();
            var second = await ScriptRunner.RunAsync(session.Emulator, "dump_all_binaries", "-d", dir, "--query", "md5:" + MimikatzMd5);
            Assert.True(second.ExitCode == 0, second.Error);
            Assert.Equal($"INFO:__main__:already have {MimikatzMd5}\n", second.Error);
            Assert.DoesNotContain(session.Requests.Entries, e => e.Path == "/api/v1/binary/" + MimikatzMd5);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task FeedOperationsListsAddsDisablesListsActionsAndDeletesFeeds()
    {
        await using var session = await EmulatorSession.StartAsync();
        var list = await ScriptRunner.RunAsync(session.Emulator, "feed_operations", "list");
        Assert.True(list.ExitCode == 0, list.Error);
        var lines = list.Output.Split('\n');
        Assert.Equal(3, lines.Count(l => l.StartsWith("id                  : ", StringComparison.Ordinal)));
        Assert.Contains("display_name        : abuse.ch Malware Domains", lines);
        Assert.Contains("feed_url            : file:///var/run/cb/localintel.json", lines);
        Assert.Contains("enabled             : False", lines);

        const string Url = "https://feeds.example.com/ir/newintel.json";
        var add = await ScriptRunner.RunAsync(session.Emulator, "feed_operations", "add", "-u", Url, "-e", "--validate_server_cert");
        Assert.True(add.ExitCode == 0, add.Error);
        var added = await session.Client.Select<Feed>().Where("name:newintel").SingleAsync();
        Assert.Equal($"Added feed. New feed ID is {added.Id}\n", add.Output);
        Assert.Equal(Url, added.FeedUrl);
        Assert.True(added.Enabled);
        Assert.True(added.ValidateServerCert);

        // The same URL again: the existing feed is shown and, without --force, nothing is sent.
        session.Requests.Clear();
        var again = await ScriptRunner.RunAsync(session.Emulator, "feed_operations", "add", "-u", Url);
        Assert.Equal(1, again.ExitCode);
        Assert.StartsWith($"Warning: Feeds already configured for this url: {Url}:\nFeed object, bound to ", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method == "POST");

        var disable = await ScriptRunner.RunAsync(session.Emulator, "feed_operations", "disable", "-f", "abusech");
        Assert.True(disable.ExitCode == 0, disable.Error);
        Assert.Equal("Disabling feed named abusech with id 1\n", disable.Output);
        Assert.False((await session.Client.Select<Feed>().Where("name:abusech").SingleAsync()).Enabled);
        var disableAgain = await ScriptRunner.RunAsync(session.Emulator, "feed_operations", "disable", "-f", "abusech");
        Assert.Equal("Feed named abusech with id 1 already Disabled, continuing\n", disableAgain.Output);

        var actions = await ScriptRunner.RunAsync(session.Emulator, "feed_operations", "list-actions", "-i", "1");
        Assert.True(actions.ExitCode == 0, actions.Error);
        var expected = new List<string> { "Actions in Feed abusech:" };
        await foreach (var action in (await Feed.GetByIdAsync(session.Client, 1))!.Actions)
            expected.Add($"  - {action.Type switch { ActionType.Email => "email", ActionType.Syslog => "syslog", ActionType.HttpPost => "http_post", ActionType.Alert => "alert", _ => "unknown" }}: {action.ActionData}");
        Assert.Equal(expected, actions.Output.TrimEnd('\n').Split('\n'));

        var delete = await ScriptRunner.RunAsync(session.Emulator, "feed_operations", "delete", "-f", "newintel");
        Assert.True(delete.ExitCode == 0, delete.Error);
        Assert.Equal($"Deleted feed id {added.Id} with name newintel\n", delete.Output);
        Assert.Equal(0, await session.Client.Select<Feed>().Where("name:newintel").CountAsync());
    }

    [Fact]
    public async Task SensorGroupOperationsAddsAGroupListsItAndItsSensorsAndDeletesIt()
    {
        await using var session = await EmulatorSession.StartAsync();
        const string Backend = "https://cb.example.com:443";
        var add = await ScriptRunner.RunAsync(session.Emulator, "sensor_group_operations", "add", "-n", "IR Quarantine", "-b", Backend);
        Assert.True(add.ExitCode == 0, add.Error);
        var group = await session.Client.Select<SensorGroup>().Where("name:IR Quarantine").SingleAsync();
        Assert.Equal($"Added sensor group. New sensor group ID is {group.Id}\n", add.Output);
        Assert.Equal(1, group.SiteId);
        Assert.Equal(Backend, group.SensorbackendServer);
        Assert.Equal("Manual", group.SensorVersionWindows);

        var list = await ScriptRunner.RunAsync(session.Emulator, "sensor_group_operations", "list");
        Assert.True(list.ExitCode == 0, list.Error);
        var bound = "SensorGroup object, bound to " + session.Emulator.BaseUrl.ToString().TrimEnd('/') + ".";
        Assert.Equal(2, list.Output.Split('\n').Count(l => l == bound));
        Assert.Contains($"{"name",20}: IR Quarantine", list.Output, StringComparison.Ordinal);

        // Without a name: the group with the lowest id, the seed's Default Group, which holds every seeded sensor.
        var sensors = await ScriptRunner.RunAsync(session.Emulator, "sensor_group_operations", "list-sensors");
        Assert.True(sensors.ExitCode == 0, sensors.Error);
        var lines = sensors.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("Sensors in group Default Group (id 1):", lines[0]);
        Assert.Equal($"  {"Hostname",-40}{"IP Address",-18}Last Checkin Time", lines[1]);
        var members = await session.Client.Select<Sensor>().Where("groupid:1").ToListAsync();
        Assert.Equal(members.Count, lines.Length - 2);
        var first = members.Single(s => s.Id == 1);
        Assert.Contains(lines, l => l.StartsWith($"  {first.Hostname,-40}{"192.168.1.163",-18}", StringComparison.Ordinal));

        var delete = await ScriptRunner.RunAsync(session.Emulator, "sensor_group_operations", "delete", "-n", "IR Quarantine");
        Assert.True(delete.ExitCode == 0, delete.Error);
        Assert.Equal($"Deleted sensor group id {group.Id} with name IR Quarantine\n", delete.Output);
        Assert.Equal(0, await session.Client.Select<SensorGroup>().Where("name:IR Quarantine").CountAsync());
    }

    [Fact]
    public async Task SensorOperationsIsolatesTheSensorOfEachWatchlistAlertAndADryRunChangesNothing()
    {
        await using var session = await EmulatorSession.StartAsync();
        // Quoted, as the query language needs for a name with spaces (the script adds only the field name).
        const string Watchlist = "\"Credential dumping tools\"";
        var alert = await session.Client.Select<Alert>().Where("watchlist_name:" + Watchlist).SingleAsync();
        var sensor = (await alert.GetSensorAsync())!;
        Assert.False(sensor.IsIsolating ?? false);

        var dry = await ScriptRunner.RunAsync(session.Emulator, "sensor_operations", "-w", Watchlist, "-o", "isolate", "--dryrun");
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.StartsWith($"Trying to isolate based on watchlists: {Watchlist}\nDRYRUN: would have isolate sensor Sensor object, bound to ", dry.Output, StringComparison.Ordinal);
        Assert.EndsWith("\nSensor operations finished\n", dry.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method == "PUT");

        var run = await ScriptRunner.RunAsync(session.Emulator, "sensor_operations", "-w", Watchlist, "-o", "isolate");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal($"Trying to isolate based on watchlists: {Watchlist}\nSensor operations finished\n", run.Output);
        // A new client: this one's identity cache still holds the sensor as it was before the script ran.
        using var fresh = EmulatorSession.CreateClient(session.Emulator);
        var after = await fresh.GetAsync<Sensor>(sensor.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(after.NetworkIsolationEnabled);
        Assert.True(after.IsIsolating);
        Assert.Single(session.Requests.Entries, e => e.Method == "PUT" && e.Path == $"/api/v1/sensor/{sensor.Id}");
    }

    [Fact]
    public async Task UserOperationsAddsAUserInATeamAndATeamWithViewerAccessListsBothAndDeletesTheUser()
    {
        await using var session = await EmulatorSession.StartAsync();
        var add = await ScriptRunner.RunAsync(session.Emulator, "user_operations",
            "add", "-u", "jdoe", "-f", "John", "-l", "Doe", "-e", "jdoe@example.com", "-p", "s3cret!", "-t", "Administrators");
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Equal("Added user jdoe.\n", add.Output);
        var user = await session.Client.GetAsync<User>("jdoe");
        Assert.Equal(("John", "Doe", "jdoe@example.com"), (user.FirstName, user.LastName, user.Email));
        Assert.Equal(["Administrators"], user.Teams!.Select(t => t.Name));
        Assert.False(user.GlobalAdmin);

        var list = await ScriptRunner.RunAsync(session.Emulator, "user_operations", "list");
        Assert.True(list.ExitCode == 0, list.Error);
        var lines = list.Output.TrimEnd('\n').Split('\n');
        Assert.Equal($"{"Username",-16} {"Name",-30} {"Email address",-30} {"Teams",-40}", lines[0]);
        Assert.Equal($"{"jdoe",-16} {"John Doe",-30} {"jdoe@example.com",-30} {"Administrators",-40}", lines.Single(l => l.StartsWith("jdoe ", StringComparison.Ordinal)));
        Assert.Equal(await session.Client.Select<User>().CountAsync() + 2, lines.Length);

        var team = await ScriptRunner.RunAsync(session.Emulator, "user_operations", "add-team", "-N", "Responders", "-V", "Default Group");
        Assert.True(team.ExitCode == 0, team.Error);
        Assert.Equal("Added team Responders.\n", team.Output);
        var responders = await session.Client.Select<Team>().Where("name:Responders").SingleAsync();
        var access = Assert.Single(responders.GroupAccess!);
        Assert.Equal((1, "Viewer"), (access.GroupId, access.AccessCategory));

        var teams = await ScriptRunner.RunAsync(session.Emulator, "user_operations", "list-teams");
        Assert.True(teams.ExitCode == 0, teams.Error);
        Assert.EndsWith($"Team Responders (id {responders.Id}):\n  Viewer on Sensor Group \"Default Group\"\n", teams.Output, StringComparison.Ordinal);
        Assert.StartsWith("Team Administrators (id 1):\n  Administrator on Sensor Group \"Default Group\"\n", teams.Output, StringComparison.Ordinal);

        var delete = await ScriptRunner.RunAsync(session.Emulator, "user_operations", "delete", "-u", "jdoe");
        Assert.True(delete.ExitCode == 0, delete.Error);
        Assert.Equal("Deleted user jdoe\n", delete.Output);
        Assert.DoesNotContain("jdoe", (await session.Client.Select<User>().ToListAsync()).Select(u => u.Username));
    }

    [Fact]
    public async Task WatchlistOperationsAddsListsListsActionsAndDeletesAWatchlist()
    {
        await using var session = await EmulatorSession.StartAsync();
        var add = await ScriptRunner.RunAsync(session.Emulator, "watchlist_operations", "add", "-N", "Notepad runs", "-q", "process_name:notepad.exe", "-t", "events");
        Assert.True(add.ExitCode == 0, add.Error);
        var added = await session.Client.Select<Watchlist>().Where("name:Notepad runs").SingleAsync();
        Assert.Equal($"Added watchlist. New watchlist ID is {added.Id}\n", add.Output);
        Assert.Equal("process_name:notepad.exe", added.Query);
        Assert.Equal("cb.urlver=1&q=process_name%3Anotepad.exe", added.SearchQuery);
        Assert.Equal(WatchlistIndexType.Events, added.IndexType);

        var list = await ScriptRunner.RunAsync(session.Emulator, "watchlist_operations", "list");
        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Equal(4, list.Output.Split('\n').Count(l => l.StartsWith("Watchlist object, bound to ", StringComparison.Ordinal)));
        Assert.Contains($"{"search_query",20}: cb.urlver=1&q=process_name%3Anotepad.exe", list.Output, StringComparison.Ordinal);

        var actions = await ScriptRunner.RunAsync(session.Emulator, "watchlist_operations", "list-actions", "-i", added.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(actions.ExitCode == 0, actions.Error);
        Assert.Equal("Actions in Watchlist Notepad runs:\n", actions.Output);

        var delete = await ScriptRunner.RunAsync(session.Emulator, "watchlist_operations", "delete", "-N", "Notepad runs");
        Assert.True(delete.ExitCode == 0, delete.Error);
        Assert.Equal($"Deleted watchlist id {added.Id} with name Notepad runs\n", delete.Output);
        Assert.Equal(0, await session.Client.Select<Watchlist>().Where("name:Notepad runs").CountAsync());
    }

    [Fact]
    public async Task WatchlistExporterWritesTheChosenWatchlistsAsCbapisShareableJson()
    {
        await using var session = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var file = Path.Combine(dir, "export.json");
            // Three watchlists asked about: "n" declines the first, a wrong answer is asked again, an empty one accepts.
            var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, new ScriptRun(StandardInput: "n\nmaybe\n\nY\n"),
                "watchlist_exporter", "-f", file, "-m", "-a", "IR team", "-d", "Our hunting watchlists");
            Assert.True(exitCode == 0, error);
            var watchlists = await session.Client.Select<Watchlist>().ToListAsync();
            Assert.Equal(3, watchlists.Count);
            Assert.Equal($"Export watchlist {watchlists[0].Name}? y/n: Export watchlist {watchlists[1].Name}? y/n: Please enter y or n.\n"
                + $"Export watchlist {watchlists[1].Name}? y/n: Export watchlist {watchlists[2].Name}? y/n: -> Done exporting! <-\n", output);

            var text = await File.ReadAllTextAsync(file);
            Assert.StartsWith("{\n    \"Author\": \"IR team\",\n    \"ExportDate\": \"", text, StringComparison.Ordinal);
            using var export = JsonDocument.Parse(text);
            var root = export.RootElement;
            Assert.Equal("Our hunting watchlists", root.GetProperty("ExportDescription").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", root.GetProperty("ExportDate").GetString());
            var exported = root.GetProperty("Watchlists").EnumerateArray().ToList();
            Assert.Equal(2, exported.Count);
            foreach (var (entry, watchlist) in exported.Zip(watchlists.Skip(1)))
            {
                Assert.Equal(watchlist.Name, entry.GetProperty("Name").GetString());
                Assert.Equal(watchlist.SearchQuery, entry.GetProperty("URL").GetString());
                Assert.Equal(watchlist.IndexType == WatchlistIndexType.Events ? "events" : "modules", entry.GetProperty("Type").GetString());
                Assert.Equal(watchlist.Query, entry.GetProperty("SearchString").GetString());
                Assert.Equal("Please fill in if you intend to share this.", entry.GetProperty("Description").GetString());
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task WatchlistImporterCreatesTheExportedWatchlistsOnAnotherServerAndSendsNothingForADeclinedOne()
    {
        await using var source = await EmulatorSession.StartAsync();
        await using var target = await EmulatorSession.StartAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var file = Path.Combine(dir, "export.json");
            var export = await ScriptRunner.RunAsync(source.Emulator, "watchlist_exporter", "-f", file, "-w", "Newly Loaded Modules,Credential dumping tools");
            Assert.True(export.ExitCode == 0, export.Error);
            // The target starts empty of those two, so what the importer adds is all that is there.
            foreach (var existing in await target.Client.Select<Watchlist>().ToListAsync())
                await target.Client.DeleteAsync(existing);
            target.Requests.Clear();

            var (exitCode, output, error) = await ScriptRunner.RunAsync(target.Emulator, new ScriptRun(StandardInput: "y\nn\n"), "watchlist_importer", "-f", file, "-m");
            Assert.True(exitCode == 0, error);
            var imported = await target.Client.Select<Watchlist>().ToListAsync();
            var only = Assert.Single(imported);
            Assert.Equal("Importing Fill in description from Fill in author...\n"
                + $"Import watchlist Newly Loaded Modules? y/n: -> Watchlist Newly Loaded Modules added [id={only.Id}]\n"
                + "Import watchlist Credential dumping tools? y/n: -> Done importing! <-\n", output);
            Assert.Single(target.Requests.Entries, e => e.Method == "POST");

            var original = await source.Client.Select<Watchlist>().Where("name:Newly Loaded Modules").SingleAsync();
            Assert.Equal((original.Name, original.Query, original.SearchQuery, original.IndexType), (only.Name, only.Query, only.SearchQuery, only.IndexType));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
