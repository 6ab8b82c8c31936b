using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Data;

/// <summary>
/// The seed walkthrough's data, exactly (docs/walkthrough.md): sensors 3 (WIN-IA9NQ1GN8OI) and 4
/// (HOSTNAME), the Default Group in the Default Site, the two <c>net use … \\test\blah</c> processes with their
/// eight-level parent chain, the signed binaries they ran and binary 7FB55F5A… to download and ban.
/// </summary>
internal static class SeedScenario
{
    public const string SeedHost = "WIN-IA9NQ1GN8OI";
    public const string SeedUser = @"WIN-IA9NQ1GN8OI\bit9rad";

    public static void Load(EmulatorState state)
    {
        AddAdministration(state);
        AddSensors(state);
        AddNetUseChain(state);
        TamperScenario.Load(state);
        AddDownloadSampleProcess(state);
        AddWatchlistsAndFeeds(state);
    }

    private static void AddAdministration(EmulatorState state)
    {
        state.Sites[1] = AdminDocuments.Site(1, "Default Site");
        state.Groups[1] = AdminDocuments.Group(1, "Default Group", 1);
        state.Teams[1] = AdminDocuments.Team(1, "Administrators", [new JsonObject
        {
            ["group_id"] = 1,
            ["group_name"] = "Default Group",
            ["access_category"] = "Administrator",
        }]);
        state.Investigations[1] = new JsonObject
        {
            ["id"] = 1,
            ["name"] = "Default Investigation",
            ["description"] = "",
            ["create_time"] = "2016-10-01 09:00:00.000000-05:00",
            ["modify_time"] = "2016-10-01 09:00:00.000000-05:00",
            ["group_id"] = 1,
        };
        state.Users.Add(AdminDocuments.User(1, "admin", "Cb", "Administrator", "admin@example.com", true,
            "0000000000000000000000000000000000000000", [new JsonObject { ["id"] = 1, ["name"] = "Administrators" }]));
    }

    private static void AddSensors(EmulatorState state)
    {
        var registered = new DateTimeOffset(2016, 10, 1, 9, 12, 44, TimeSpan.FromHours(-5)).AddTicks(3_858_760);
        state.Sensors[1] = new SensorRecord
        {
            Id = 1, ComputerName = "WIN7-HYPERV-2", GroupId = 1, OsType = 1,
            OsDisplay = "Windows 7 Professional Service Pack 1, 32-bit", BuildId = 2, BuildVersion = "005.002.000.60922",
            BootId = "38", Status = "Online", IpAddress = "192.168.1.163", MacAddress = "00155d019c08",
            RegistrationTime = registered, LastCheckin = EmulatorState.Epoch, ComputerSid = "S-1-5-21-1002345111-2011111111-1234567890",
        };
        state.Sensors[2] = new SensorRecord
        {
            Id = 2, ComputerName = "WIN10-LAPTOP-7", GroupId = 1, OsType = 1,
            OsDisplay = "Windows 10 Enterprise, 64-bit", BuildId = 5, BuildVersion = "005.002.000.61003",
            BootId = "11", Status = "Offline", IpAddress = "192.168.1.171", MacAddress = "00155d019c21",
            RegistrationTime = registered.AddDays(3), LastCheckin = EmulatorState.Epoch.AddDays(-6), ComputerSid = "S-1-5-21-1002345111-2011111111-1234567891",
        };
        state.Sensors[3] = new SensorRecord
        {
            Id = 3, ComputerName = SeedHost, GroupId = 1, OsType = 1,
            OsDisplay = "Windows 7 Ultimate Edition Service Pack 1, 64-bit", BuildId = 2, BuildVersion = "005.002.000.60922",
            BootId = "2", Status = "Online", IpAddress = "10.0.2.15", MacAddress = "080027d3a1b2",
            RegistrationTime = registered.AddDays(20), LastCheckin = EmulatorState.Epoch, ComputerSid = "S-1-5-21-2645263318-1438414372-1516165011",
        };
        state.Sensors[4] = new SensorRecord
        {
            Id = 4, ComputerName = "HOSTNAME", GroupId = 1, OsType = 1,
            OsDisplay = "Windows 7 Enterprise Service Pack 1, 64-bit", BuildId = 5, BuildVersion = "005.002.000.61003",
            BootId = "0", Status = "Online", IpAddress = "10.0.2.16", MacAddress = "080027d3a1c4",
            RegistrationTime = registered.AddDays(25), LastCheckin = EmulatorState.Epoch, ComputerSid = "S-1-5-21-2645263318-1438414372-1516165012",
        };
    }

    /// <summary>ntoskrnl → System → smss → smss → winlogon → userinit → explorer → cmd → net ×2 on sensor 3.</summary>
    private static void AddNetUseChain(EmulatorState state)
    {
        var sensor = state.Sensors[3];
        var boot = new DateTime(2016, 10, 25, 14, 8, 23, 374, DateTimeKind.Utc);
        var upUntil = new DateTime(2016, 11, 15, 22, 41, 7, 118, DateTimeKind.Utc);
        var alive = upUntil - boot;
        const string system = "SYSTEM";

        // The walk ends here: the kernel's parent is a placeholder document with pid -1, which its GUID packs too
        // (a client that reads the pid from the GUID, as cbapi does for -1, must also see -1 and stop).
        var placeholder = new ProcessRecord
        {
            Id = "00000003-ffff-ffff-01d2-2ec93f6051ee", SensorId = 3, Pid = -1, Start = null,
            LastUpdate = boot, LastServerUpdate = boot.AddSeconds(5), ProcessName = "(unknown)", Path = "(unknown)",
            CommandLine = "", UserName = "", Md5 = "000000000000000000000000000000", ParentId = "", ParentPid = -1,
            ParentName = "", ParentMd5 = "000000000000000000000000000000", HostType = sensor.HostType,
        };
        state.AddProcess(placeholder);

        var kernel = Add(state, ProcessFactory.Create(sensor, 0, boot, ImageCatalog.Ntoskrnl, @"c:\windows\system32\ntoskrnl.exe", "", placeholder, alive,
            id: "00000003-0000-0000-01d2-2ec93f6051ee"));
        var systemProcess = Add(state, ProcessFactory.Create(sensor, 4, At(14, 8, 23, 559), ImageCatalog.Ntoskrnl, @"c:\windows\system32\ntoskrnl.exe", system, kernel, alive,
            Events(At(14, 8, 23, 600), [ImageCatalog.Dlls[0]], regmods: [@"\registry\machine\system\controlset001\control\session manager\memory management\prefetchparameters\bootid", .. SeedEvidence.DeviceRegMods]),
            id: "00000003-0000-0004-01d2-2ec93f7c7181"));
        var smss = Add(state, ProcessFactory.Create(sensor, 536, At(14, 8, 23, 590), ImageCatalog.Smss, @"\SystemRoot\System32\smss.exe", system, systemProcess, alive,
            Events(At(14, 8, 23, 600), [ImageCatalog.Dlls[0]]),
            id: "00000003-0000-0218-01d2-2ec93f813429"));
        var smssChild = Add(state, ProcessFactory.Create(sensor, 688, At(14, 8, 26, 242), ImageCatalog.Smss, @"\SystemRoot\System32\smss.exe 00000001 00000030", system, smss, TimeSpan.FromSeconds(0.31),
            Events(At(14, 8, 26, 250), [ImageCatalog.Dlls[0]]),
            id: "00000003-0000-02b0-01d2-2ec94115df7a"));
        var winlogon = Add(state, ProcessFactory.Create(sensor, 748, At(14, 8, 26, 382), ImageCatalog.Winlogon, "winlogon.exe", system, smssChild, alive,
            Events(At(14, 8, 26, 400), [ImageCatalog.Dlls[0], ImageCatalog.Dlls[1], ImageCatalog.Dlls[3], ImageCatalog.Dlls[4]],
                regmods: [@"\registry\machine\software\microsoft\windows nt\currentversion\winlogon\autorestartshell"]),
            id: "00000003-0000-02ec-01d2-2ec9412b4b70"));
        var userinit = Add(state, ProcessFactory.Create(sensor, 1560, At(14, 8, 49, 370), ImageCatalog.Userinit, @"C:\Windows\system32\userinit.exe", SeedUser, winlogon, TimeSpan.FromSeconds(1.7),
            Events(At(14, 8, 49, 380), [ImageCatalog.Dlls[0], ImageCatalog.Dlls[1], ImageCatalog.Dlls[4]]),
            id: "00000003-0000-0618-01d2-2ec94edef208"));
        var explorer = Add(state, ProcessFactory.Create(sensor, 3124, At(14, 8, 49, 651), ImageCatalog.Explorer, @"C:\Windows\Explorer.EXE", SeedUser, userinit, alive,
            Events(At(14, 8, 49, 700), [ImageCatalog.Dlls[0], ImageCatalog.Dlls[1], ImageCatalog.Dlls[3], ImageCatalog.Dlls[8], ImageCatalog.Dlls[9]],
                regmods: [@"\registry\user\s-1-5-21-2645263318-1438414372-1516165011-1001\software\microsoft\windows\currentversion\explorer\userassist\{cebff5cd-ace2-4f4f-9178-9926f41749ea}\count\hrzr_pgyfrffvba"],
                filemods: [@"c:\users\bit9rad\appdata\roaming\microsoft\windows\recent\test.lnk"]),
            id: "00000003-0000-0c34-01d2-2ec94f09cae6"));
        var cmd = Add(state, ProcessFactory.Create(sensor, 876, new DateTime(2016, 10, 25, 20, 20, 29, 790, DateTimeKind.Utc), ImageCatalog.Cmd,
            "\"C:\\Windows\\system32\\cmd.exe\" ", SeedUser, explorer, upUntil - new DateTime(2016, 10, 25, 20, 20, 29, DateTimeKind.Utc),
            Events(new DateTime(2016, 10, 25, 20, 20, 29, 800, DateTimeKind.Utc), [ImageCatalog.Dlls[0], ImageCatalog.Dlls[1], ImageCatalog.Dlls[2]], writes: SeedEvidence.CmdCopies()),
            id: "00000003-0000-036c-01d2-2efd3af51186"));

        foreach (var (drive, pid, start) in new[]
                 {
                     ("z", 0x0a9c, new DateTime(2016, 11, 11, 20, 59, 25, 667, DateTimeKind.Utc)),
                     ("y", 0x0ad4, new DateTime(2016, 11, 11, 20, 59, 31, 631, DateTimeKind.Utc)),
                 })
        {
            var events = new ProcessEvents
            {
                ModLoads = [.. new[] { ImageCatalog.Dlls[0], ImageCatalog.Dlls[1], ImageCatalog.Dlls[2], ImageCatalog.Dlls[5] }
                    .Select((dll, i) => new ModLoadEvent(start.AddMilliseconds(4 + i), dll.Md5.ToLowerInvariant(), dll.Path))],
                RegMods = [new RegModEvent(2, start.AddMilliseconds(40), @"\registry\user\s-1-5-21-2645263318-1438414372-1516165011-1001\network\" + drive + @"\remotepath")],
                NetConns = [new NetConnEvent(start.AddMilliseconds(25), ProcessFactory.ToIp("10.0.2.50"), 445, 6, "test", true, ProcessFactory.ToIp(sensor.IpAddress), 49_200 + pid % 100)],
            };
            Add(state, ProcessFactory.Create(sensor, pid, start, ImageCatalog.Net, @"net  use " + drive + @": \\test\blah", SeedUser, cmd, TimeSpan.FromMilliseconds(96), events));
        }

        return;

        static DateTime At(int h, int m, int s, int ms) => new(2016, 10, 25, h, m, s, ms, DateTimeKind.Utc);
    }

    /// <summary>On sensor 4 the user ran the binary the walkthrough downloads and bans.</summary>
    private static void AddDownloadSampleProcess(EmulatorState state)
    {
        var sensor = state.Sensors[4];
        var start = new DateTime(2016, 11, 14, 9, 30, 12, 250, DateTimeKind.Utc);
        var explorer = Add(state, ProcessFactory.Create(sensor, 2212, start.AddHours(-1), ImageCatalog.Explorer, @"C:\Windows\Explorer.EXE",
            @"HOSTNAME\jdoe", null, TimeSpan.FromDays(2), Events(start.AddHours(-1), [ImageCatalog.Dlls[0], ImageCatalog.Dlls[1]])));
        var events = new ProcessEvents
        {
            ModLoads = [new ModLoadEvent(start.AddMilliseconds(5), ImageCatalog.Dlls[0].Md5.ToLowerInvariant(), ImageCatalog.Dlls[0].Path),
                new ModLoadEvent(start.AddMilliseconds(9), ImageCatalog.Dlls[7].Md5.ToLowerInvariant(), ImageCatalog.Dlls[7].Path)],
            FileMods = [new FileModEvent(1, start.AddSeconds(2), @"c:\users\jdoe\appdata\local\temp\lsass.dmp", null, 0)],
            CrossProcs = [new CrossProcEvent("ProcessOpen", start.AddSeconds(1), state.UniqueId(state.FindProcess(TamperScenario.LsassGuid)!),
                ImageCatalog.Lsass.Md5.ToLowerInvariant(), ImageCatalog.Lsass.Path, 1, 2_097_151)],
        };
        Add(state, ProcessFactory.Create(sensor, 4480, start, ImageCatalog.DownloadSample, @"mimikatz.exe  privilege::debug sekurlsa::logonpasswords",
            @"HOSTNAME\jdoe", explorer, TimeSpan.FromSeconds(14), events));
    }

    private static void AddWatchlistsAndFeeds(EmulatorState state)
    {
        var added = EmulatorState.Epoch.AddDays(-20);
        AddWatchlist(state, 1, "USB drive usage", "events",
            "cb.urlver=1&q=-path%3Ac%3A%5Cwindows%5C%2A&cb.q.filemod=c%3A%5Cwindows%5Csystem32%5C%2A", added);
        AddWatchlist(state, 2, "Newly Loaded Modules", "modules", "cb.urlver=1&q=is_executable_image%3Afalse", added);
        AddWatchlist(state, 3, "Credential dumping tools", "events", "cb.urlver=1&q=process_name%3Amimikatz.exe", added);

        state.Feeds[1] = new Feed
        {
            Id = 1, Name = "abusech", DisplayName = "abuse.ch Malware Domains", FeedUrl = "https://api.alliance.carbonblack.com/feed/abusech",
            ProviderUrl = "https://www.abuse.ch", Summary = "abuse.ch tracks C&C servers and malware distribution sites.",
            TechData = "There are no requirements to share any data with Carbon Black to use this feed.", ProviderRating = 3.0,
        };
        state.Feeds[2] = new Feed
        {
            Id = 2, Name = "cbbanning", DisplayName = "Carbon Black Banning Events", FeedUrl = "https://api.alliance.carbonblack.com/feed/cbbanning",
            ProviderUrl = "http://www.carbonblack.com", Summary = "This feed reports on banned binaries that were blocked.",
            TechData = "There are no requirements to share any data with Carbon Black to use this feed.", ProviderRating = 3.0,
        };
        state.Feeds[3] = new Feed
        {
            Id = 3, Name = "localintel", DisplayName = "Local Threat Intel", FeedUrl = "file:///var/run/cb/localintel.json",
            ManuallyAdded = true, Enabled = false, ProviderUrl = "", Summary = "Indicators collected by the IR team.", ProviderRating = 1.0,
        };

        var created = new DateTime(2016, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        state.ThreatReports.Add(new ThreatReport
        {
            ReportId = "mimikatz-2016-11", FeedId = 1, FeedName = "abusech", Title = "Mimikatz credential theft tool",
            Link = "https://www.abuse.ch/reports/mimikatz", Score = 90, CreateTime = created, UpdateTime = created,
            Description = "Known hash of mimikatz 2.1", FeedCategory = "Open Source", Tags = ["credential-theft", "mimikatz"],
            Md5s = [ImageCatalog.DownloadSample.Md5.ToLowerInvariant()],
        });
        state.ThreatReports.Add(new ThreatReport
        {
            ReportId = "c2-domains-2016-11", FeedId = 1, FeedName = "abusech", Title = "Zeus C&C domains",
            Link = "https://www.abuse.ch/reports/zeus", Score = 70, CreateTime = created.AddDays(3), UpdateTime = created.AddDays(3),
            Description = "Command and control servers", FeedCategory = "Open Source", Tags = ["zeus", "c2"],
            Domains = ["update-check.badcdn.net", "login.evilcorp.ru"], IPv4s = ["185.22.67.10"],
        });
        state.ThreatReports.Add(new ThreatReport
        {
            ReportId = "ban-7FB55F5A", FeedId = 2, FeedName = "cbbanning", Title = "Banned binary blocked",
            Link = "http://www.carbonblack.com", Score = 50, CreateTime = created.AddDays(5), UpdateTime = created.AddDays(5),
            Description = "A banned binary was blocked from executing", FeedCategory = "Carbon Black", Tags = ["banning"],
            Md5s = [ImageCatalog.DownloadSample.Md5.ToLowerInvariant()],
        });

        var mimikatz = state.Processes[^1];
        state.Alerts.Add(new Alert
        {
            UniqueId = "a743ee18-ce1d-4fb3-adc5-f05a77c8996c", AlertType = "watchlist.hit.query.process",
            CreatedTime = new DateTime(2016, 11, 14, 9, 40, 3, 377, DateTimeKind.Utc), WatchlistId = "3",
            WatchlistName = "Credential dumping tools", IocValue = "process_name:mimikatz.exe", Process = mimikatz,
            IocConfidence = 0.5, ReportScore = 75, AlertSeverity = 50.625,
        });
        state.Alerts.Add(new Alert
        {
            UniqueId = "5c3e9d2a-1f0b-4c6e-9a8d-7b2e4f6a8c01", AlertType = "watchlist.hit.ingress.binary",
            CreatedTime = new DateTime(2016, 11, 14, 9, 45, 12, 90, DateTimeKind.Utc), FeedId = 1, FeedName = "abusech",
            IocType = "md5", IocValue = ImageCatalog.DownloadSample.Md5.ToLowerInvariant(), Process = mimikatz,
            IocConfidence = 1.0, ReportScore = 90, AlertSeverity = 81.0,
        });
        var netY = state.Processes.Last(p => p.ProcessName == "net.exe" && p.SensorId == 3);
        state.Alerts.Add(new Alert
        {
            UniqueId = "0b9d1e44-6a2c-4f7b-8e31-2d5c9f7a4b12", AlertType = "watchlist.hit.query.process", Status = "Resolved",
            AssignedTo = "admin", CreatedTime = new DateTime(2016, 11, 11, 21, 0, 5, 5, DateTimeKind.Utc),
            ResolvedTime = new DateTime(2016, 11, 12, 8, 14, 44, 512, DateTimeKind.Utc), WatchlistId = "1",
            WatchlistName = "USB drive usage", IocValue = "-path:c:\\windows\\*", Process = netY,
            IocConfidence = 0.5, ReportScore = 50, AlertSeverity = 33.75,
        });
    }

    private static void AddWatchlist(EmulatorState state, int id, string name, string indexType, string query, DateTimeOffset added) =>
        state.Watchlists[id] = new Watchlist
        {
            Id = id, Name = name, IndexType = indexType, SearchQuery = query, DateAdded = added,
            SearchTimestamp = "2016-11-16 04:40:06.467689",
        };

    private static ProcessRecord Add(EmulatorState state, ProcessRecord process)
    {
        state.AddProcess(process);
        return process;
    }

    /// <summary>A few module loads plus optional registry and file writes, all just after <paramref name="at"/>.</summary>
    /// <remarks><paramref name="writes"/> are file events with their own times (<see cref="SeedEvidence"/>).</remarks>
    internal static ProcessEvents Events(DateTime at, IEnumerable<ImageInfo> dlls, string[]? regmods = null, string[]? filemods = null,
        IReadOnlyList<FileModEvent>? writes = null) => new()
    {
        ModLoads = [.. dlls.Select((dll, i) => new ModLoadEvent(at.AddMilliseconds(3 * i), dll.Md5.ToLowerInvariant(), dll.Path))],
        RegMods = [.. (regmods ?? []).Select((key, i) => new RegModEvent(2, at.AddMilliseconds(50 + i), key))],
        FileMods = [.. (filemods ?? []).Select((path, i) => new FileModEvent(1, at.AddMilliseconds(80 + i), path, null, 0)), .. writes ?? []],
    };
}
