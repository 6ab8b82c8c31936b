using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Scripts;

/// <summary>
/// cbapi's examples/response scripts, ported as .NET file-based programs under samples/scripts/: each is run with
/// <c>dotnet run</c> against the emulator and prints what the Python script prints.
/// </summary>
public sealed class ScriptPortTests
{
    [Fact]
    public async Task ServerInfoPrintsTheUrlARuleAndEveryInfoKeyInOrder()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "server_info");

        Assert.True(exitCode == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(session.Emulator.BaseUrl.ToString().TrimEnd('/'), lines[0]);
        Assert.Equal(new string('-', 80), lines[1]);
        Assert.Contains("version                        : 6.2.0.171114.1158", lines);
        Assert.Contains("cblrEnabled                    : True", lines);
        var keys = lines.Skip(2).Select(l => l[..30].TrimEnd()).ToList();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(session.Client.GetServerInfo().Document.EnumerateObject().Count(), keys.Count);
    }

    [Fact]
    public async Task BanHashBansOnceAndReportsTheServersConflictTheSecondTime()
    {
        await using var session = await EmulatorSession.StartAsync();
        const string Md5 = "0123456789ABCDEF0123456789ABCDEF";

        var first = await ScriptRunner.RunAsync(session.Emulator, "ban_hash", "-H", Md5, "-d", "from the port test");
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal($"Hash {Md5} successfully banned\n", first.Output);
        var ban = await session.Client.GetAsync<BannedHash>(Md5);
        Assert.Equal("from the port test", ban.Text);
        Assert.True(ban.Enabled);

        var second = await ScriptRunner.RunAsync(session.Emulator, "ban_hash", "--hash", Md5);
        Assert.Equal(1, second.ExitCode);
        Assert.StartsWith($"Error banning hash {Md5}: ", second.Output, StringComparison.Ordinal);
        Assert.Contains("already exists", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingRequiredArgumentPrintsTheUsageAndExits2AsArgparseDoes()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (exitCode, _, error) = await ScriptRunner.RunAsync(session.Emulator, "ban_hash");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: the following arguments are required: --hash", error, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method == "POST");
    }

    [Fact]
    public async Task UserHostnamePairsPrintsEachExplorerHostWithItsLowerCasedUsersAndTheirLogonCounts()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 500 });
        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "user_hostname_pairs");
        Assert.True(exitCode == 0, error);

        // The same pairs, read through the SDK here: every explorer.exe's host has its block, with each user's count.
        var explorers = await session.Client.Select<Process>().Where("process_name:explorer.exe").ToListAsync();
        Assert.NotEmpty(explorers);
        var lines = output.TrimEnd('\n').Split('\n');
        foreach (var host in explorers.GroupBy(p => p.Hostname))
        {
            var block = lines.SkipWhile(l => l != $"For host {host.Key}:").Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToList();
            var expected = host.GroupBy(p => p.Username!.ToLowerInvariant()).Select(u => $"  {u.Key,-20}: logged in {u.Count()} times");
            Assert.Equal(expected.Order(StringComparer.Ordinal), block.Order(StringComparer.Ordinal));
        }
        Assert.Equal(explorers.Select(p => p.Hostname).Distinct().Count(), lines.Count(l => l.StartsWith("For host ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WalkChildrenPrintsTheRootThenEveryDescendantIndentedByDepthForAGuidWithoutItsSegment()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 500 });
        var root = await session.Client.Select<Process>().Where("process_name:services.exe").FirstAsync();
        var descendants = new List<(Process Process, int Depth)>();
        await root!.WalkChildrenAsync((p, depth) => descendants.Add((p, depth)));
        Assert.NotEmpty(descendants);

        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "walk_children", "-p", root.Id!);
        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        Assert.Equal($"Process {root.Path} on {root.Hostname} executed by {root.Username} children:", lines[0]);
        Assert.Equal(descendants.Count, lines.Length - 3); // the header, then one line each, then print("") and the end
        for (var i = 0; i < descendants.Count; i++)
        {
            var (child, depth) = descendants[i];
            Assert.Equal(new string(' ', 2 * depth), lines[i + 1][..(2 * depth)]);
            Assert.EndsWith(": " + child.Cmdline, lines[i + 1], StringComparison.Ordinal);
            Assert.Matches(@"^ *\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?: ", lines[i + 1]);
        }
    }

    [Fact]
    public async Task WalkChildrenSaysSoForAnUnknownProcessAndExits1()
    {
        await using var session = await EmulatorSession.StartAsync();
        var (exitCode, output, _) = await ScriptRunner.RunAsync(session.Emulator, "walk_children", "-p", "00000001-0000-0000-0000-000000000000");
        Assert.Equal(1, exitCode);
        Assert.Equal("Could not find process 00000001-0000-0000-0000-000000000000\n", output);
    }

    [Fact]
    public async Task BinarySearchPrintsABlockPerMatchingBinaryWithCbapisLabels()
    {
        await using var session = await EmulatorSession.StartAsync();
        var binaries = await session.Client.Select<Binary>().Where("digsig_result:Signed").ToListAsync();
        Assert.NotEmpty(binaries);

        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "binary_search", "--query", "digsig_result:Signed");
        Assert.True(exitCode == 0, error);
        var blocks = output.Split("\n\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(binaries.Count, blocks.Length);
        foreach (var (binary, block) in binaries.Zip(blocks))
        {
            var lines = block.Split('\n');
            Assert.Equal(binary.Md5, lines[0]);
            Assert.Equal(new string('-', 80), lines[1]);
            Assert.Equal($"Size (bytes)         : {binary.OrigModLen}", lines[2]);
            Assert.Equal("Signature Status     : True", lines[3]);
            Assert.Equal($"Publisher            : {binary.DigsigPublisher}", lines[4]);
            Assert.Equal(binary.ObservedFilename!.Count, lines.Count(l => l.StartsWith("On-Disk Filename     : ", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task AlertSearchPrintsEachAlertAndAConsoleLinkForProcessAlerts()
    {
        await using var session = await EmulatorSession.StartAsync();
        var alerts = await session.Client.Select<Alert>().ToListAsync();
        Assert.Contains(alerts, a => a.AlertType!.Contains("binary", StringComparison.Ordinal));
        Assert.Contains(alerts, a => !a.AlertType!.Contains("binary", StringComparison.Ordinal));

        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "alert_search");
        Assert.True(exitCode == 0, error);
        var expected = new List<string>();
        foreach (var alert in alerts)
        {
            if (alert.AlertType!.Contains("binary", StringComparison.Ordinal))
            {
                expected.Add($"Alert with score {alert.ReportScore}: Binary {alert.Md5} matched watchlist/report {alert.WatchlistName}");
            }
            else
            {
                expected.Add($"Alert with score {alert.ReportScore}: Process {alert.ProcessName} matched watchlist/report {alert.WatchlistName}");
                var link = $"{session.Emulator.BaseUrl.ToString().TrimEnd('/')}/#analyze/{alert.ProcessId}/";
                expected.Add(output.Split('\n').First(l => l.StartsWith("-> visit " + link, StringComparison.Ordinal)));
            }
        }
        Assert.Equal(expected, output.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task CheckDatasharingReadsEveryGroupsSettingsAndExits1WhenAllShareWithVirusTotal()
    {
        // The emulator's groups all share unknown binaries with VirusTotal, as the seed server is configured.
        await using var session = await EmulatorSession.StartAsync();
        var groups = await session.Client.Select<SensorGroup>().ToListAsync();

        var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "check_datasharing");
        Assert.True(exitCode == 1, error);
        Assert.Equal("**ALL** sensor groups are configured to send unknown binaries to VirusTotal\n", output);
        foreach (var group in groups)
            await session.WaitForRequestAsync(e => e.PathAndQuery == $"/api/v1/group/{group.Id}/datasharing");
    }

    [Fact]
    public async Task PartitionOperationsListsMountsUnmountsCreatesAndDeletesThroughTheSpecsOperations()
    {
        await using var session = await EmulatorSession.StartAsync();
        var partitions = await StoragePartition.ListAsync(session.Client);
        var warm = partitions.First(p => p.Status == StoragePartitionStatus.Warm);

        var list = await ScriptRunner.RunAsync(session.Emulator, "partition_operations", "list");
        Assert.True(list.ExitCode == 0, list.Error);
        foreach (var partition in partitions)
            Assert.Contains($"{partition.Status.ToString()!.ToUpperInvariant()} Storage Partition \"{partition.Name}\":", list.Output, StringComparison.Ordinal);
        Assert.Contains($"  numDocs        : {warm.Info!.NumDocs}\n", list.Output, StringComparison.Ordinal);

        var mount = await ScriptRunner.RunAsync(session.Emulator, "partition_operations", "mount", "-N", warm.Name!);
        Assert.Equal($"Successfully mounted partition {warm.Name}\n", mount.Output);
        using (var client = EmulatorSession.CreateClient(session.Emulator))
            Assert.True((await StoragePartition.ListAsync(client)).First(p => p.Name == warm.Name).Info!.UserMounted);

        var unknown = await ScriptRunner.RunAsync(session.Emulator, "partition_operations", "unmount", "-N", "cbevents_1999_01_01_0000");
        Assert.Equal(1, unknown.ExitCode);
        Assert.StartsWith("Error unmounting partition cbevents_1999_01_01_0000: ", unknown.Output, StringComparison.Ordinal);

        var create = await ScriptRunner.RunAsync(session.Emulator, "partition_operations", "create");
        Assert.Equal("Successfully created new writer partition\n", create.Output);
        await session.WaitForRequestAsync(e => e.Method == "POST" && e.PathAndQuery == "/api/v1/storage/events/new_partition");
    }

    [Fact]
    public async Task PartitionOperationsRefusesServersOlderThan61BeforeChangingAnything()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "6.0.2.170101.1200" });
        var (exitCode, _, error) = await ScriptRunner.RunAsync(session.Emulator, "partition_operations", "list");
        Assert.Equal(2, exitCode);
        Assert.Contains("This script can only work with server versions >= 6.1.0;", error, StringComparison.Ordinal);
        // Only the client's start-up reads (/api/info and, on 6.x, the legacy-partition check): nothing is changed.
        Assert.DoesNotContain(session.Requests.Entries, e => e.Method != "GET");
    }

    [Fact]
    public async Task BinaryDownloadSavesTheCollectedFileAndWritesNothingForAnUnknownHash()
    {
        await using var session = await EmulatorSession.StartAsync();
        const string Md5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var target = Path.Combine(dir, "binary.bin");
            var (exitCode, output, error) = await ScriptRunner.RunAsync(session.Emulator, "binary_download", "--md5", Md5, "--filename", target);
            Assert.True(exitCode == 0, error);
            await using (var expected = await (await session.Client.GetAsync<Binary>(Md5)).OpenFileAsync())
            using (var copy = new MemoryStream())
            {
                await expected.CopyToAsync(copy);
                Assert.Equal(copy.ToArray(), await File.ReadAllBytesAsync(target));
                Assert.Equal($"-> Downloaded binary {Md5} [{copy.Length} bytes]\n", output);
            }

            var missing = Path.Combine(dir, "missing.bin");
            var unknown = await ScriptRunner.RunAsync(session.Emulator, "binary_download", "--md5", "00000000000000000000000000000000", "--filename", missing);
            Assert.Equal(1, unknown.ExitCode);
            Assert.StartsWith("** Could not download binary 00000000000000000000000000000000: ", unknown.Output, StringComparison.Ordinal);
            Assert.Equal(["binary.bin"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task DownloadSensorInstallerSavesTheGroupsPackageByIdOrNameAndReportsAnUnknownGroup()
    {
        await using var session = await EmulatorSession.StartAsync();
        var group = await session.Client.GetAsync<SensorGroup>("1");
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var target = Path.Combine(dir, "installer.tar.gz");
            var byName = await ScriptRunner.RunAsync(session.Emulator, "download_sensor_installer", "-f", target, "-g", group.Name!, "-t", "linux");
            Assert.True(byName.ExitCode == 0, byName.Error);
            Assert.Equal($"-> Downloading linux installer for group {group.Name} to file {target}...\n-> Download complete\n", byName.Output);
            await using (var expected = await group.OpenInstallerAsync(SensorInstallerKind.Linux))
            using (var copy = new MemoryStream())
            {
                await expected.CopyToAsync(copy);
                Assert.Equal(copy.ToArray(), await File.ReadAllBytesAsync(target));
            }

            var unknown = await ScriptRunner.RunAsync(session.Emulator, "download_sensor_installer", "-f", Path.Combine(dir, "x.zip"), "-g", "99");
            Assert.Equal(1, unknown.ExitCode);
            Assert.Equal("Could not find sensor group via id or name (99)\n", unknown.Output);
            Assert.Single(Directory.GetFiles(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task SensorExportWritesAHeaderAndARowPerSensorWithCsvQuotingAndHonoursFieldsAndQuery()
    {
        await using var session = await EmulatorSession.StartAsync();
        var sensors = await session.Client.Select<Sensor>().ToListAsync();
        var dir = Directory.CreateTempSubdirectory("cbtyped-script-").FullName;
        try
        {
            var all = Path.Combine(dir, "all.csv");
            var run = await ScriptRunner.RunAsync(session.Emulator, "sensor_export", "-o", all);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal($"Starting CbR Sensor Export\nExport finished, exported {sensors.Count} sensors to {all}\n", run.Output);
            var lines = (await File.ReadAllTextAsync(all)).TrimEnd('\n').Split('\n');
            Assert.Equal("id,hostname,group_id,network_interfaces,os_environment_display_string,build_version_string,network_isolation_enabled,last_checkin_time", lines[0]);
            Assert.Equal(sensors.Count + 1, lines.Length);
            foreach (var sensor in sensors)
            {
                var nic = sensor.NetworkInterfaces[0];
                Assert.Contains(lines, l => l.StartsWith($"{sensor.Id},{sensor.Hostname},{sensor.GroupId},\"[NetworkAdapter(macaddr='{nic.MacAddress}', ipaddr='{nic.IpAddress}')]\",\"{sensor.OsEnvironmentDisplayString}\",", StringComparison.Ordinal));
            }

            var one = Path.Combine(dir, "one.csv");
            var host = sensors[0].Hostname!;
            var filtered = await ScriptRunner.RunAsync(session.Emulator, "sensor_export", "-o", one, "-f", "id,hostname", "-q", "hostname:" + host);
            Assert.True(filtered.ExitCode == 0, filtered.Error);
            Assert.Equal($"id,hostname\n{sensors[0].Id},{host}\n", await File.ReadAllTextAsync(one));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
