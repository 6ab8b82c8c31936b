using System.Globalization;

namespace CbTyped.Emulator.Data;

/// <summary>
/// Generates realistic bulk data after the seed: hosts in the Default Group, each with a boot chain, services and
/// user sessions whose shells start tools. Same seed and count → the same data, byte for byte.
/// </summary>
internal static class BulkGenerator
{
    private static readonly string[] Departments = ["FIN", "HR", "ENG", "OPS", "SALES", "LEGAL", "IT", "MKT"];
    private static readonly string[] FirstNames = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "trent", "victor", "wendy"];
    private static readonly string[] Domains = ["www.google.com", "outlook.office365.com", "update.microsoft.com", "github.com", "cdn.jsdelivr.net", "www.bing.com", "login.live.com", "s3.amazonaws.com", "fileserver01.corp.local", "dc01.corp.local", "update-check.badcdn.net"];
    private static readonly string[] ServiceArgs = ["-k netsvcs", "-k LocalService", "-k NetworkService", "-k DcomLaunch", "-k RPCSS", "-k LocalSystemNetworkRestricted", "-k wuauserv"];
    private static readonly string[] Documents = ["q3 forecast.xlsx", "offer letter.docx", "board deck.pptx", "notes.txt", "invoice 4471.pdf", "roadmap.docx"];

    /// <summary>Adds <paramref name="count"/> processes on generated sensors 5, 6, ….</summary>
    public static void Generate(EmulatorState state, int count, int seed)
    {
        if (count <= 0)
        {
            return;
        }

        var random = new Random(seed);
        var sensorCount = Math.Clamp(count / 500, 1, 5000);
        var perSensor = (count + sensorCount - 1) / sensorCount;
        var remaining = count;
        for (var i = 0; i < sensorCount && remaining > 0; i++)
        {
            var sensor = NewSensor(state, 5 + i, random);
            state.Sensors[sensor.Id] = sensor;
            remaining -= GenerateHost(state, sensor, Math.Min(perSensor, remaining), random);
        }
    }

    private static SensorRecord NewSensor(EmulatorState state, int id, Random random)
    {
        var isServer = random.Next(6) == 0;
        var name = isServer
            ? string.Create(CultureInfo.InvariantCulture, $"SRV-{Departments[random.Next(Departments.Length)]}-{id:D4}")
            : string.Create(CultureInfo.InvariantCulture, $"WKS-{Departments[random.Next(Departments.Length)]}-{id:D4}");
        var ip = string.Create(CultureInfo.InvariantCulture, $"10.{1 + (id >> 16 & 0x7f)}.{id >> 8 & 0xff}.{id & 0xff}");
        return new SensorRecord
        {
            Id = id, ComputerName = name, GroupId = 1, OsType = 1,
            OsDisplay = isServer ? "Windows Server 2012 R2 Server Standard, 64-bit" : "Windows 7 Enterprise Service Pack 1, 64-bit",
            BuildId = 5, BuildVersion = "005.002.000.61003", BootId = random.Next(1, 60).ToString(CultureInfo.InvariantCulture),
            Status = random.Next(10) == 0 ? "Offline" : "Online", IpAddress = ip,
            MacAddress = Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()).AsSpan(0, 6)).ToLowerInvariant(),
            RegistrationTime = EmulatorState.Epoch.AddDays(-random.Next(30, 400)), LastCheckin = EmulatorState.Epoch.AddSeconds(-random.Next(0, 30)),
            ComputerSid = string.Create(CultureInfo.InvariantCulture, $"S-1-5-21-{random.Next()}-{random.Next()}-{random.Next()}"),
            HostType = isServer ? "server" : "workstation",
            HealthStatus = random.Next(80, 101),
        };
    }

    /// <summary>One host's process tree; returns how many processes it added.</summary>
    private static int GenerateHost(EmulatorState state, SensorRecord sensor, int quota, Random random)
    {
        var added = 0;
        var boot = new DateTime(2016, 10, 1, 7, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 40 * 24 * 3600)).AddMilliseconds(random.Next(1000));
        var uptime = EmulatorState.Epoch.UtcDateTime - boot;
        var pid = 0;
        var clock = boot;
        var user = sensor.ComputerName + "\\" + FirstNames[random.Next(FirstNames.Length)];

        ProcessRecord Spawn(ImageInfo image, string commandLine, string userName, ProcessRecord? parent, TimeSpan lifetime, ProcessEvents? events = null)
        {
            pid += 4 * random.Next(1, 200);
            clock = clock.AddMilliseconds(random.Next(20, 900));
            var process = ProcessFactory.Create(sensor, pid, clock, image, commandLine, userName, parent, lifetime, events ?? RandomEvents(clock, image, random));
            state.AddProcess(process);
            added++;
            return process;
        }

        var kernel = Spawn(ImageCatalog.Ntoskrnl, @"c:\windows\system32\ntoskrnl.exe", "", null, uptime, ProcessEvents.Empty);
        var system = Spawn(ImageCatalog.Ntoskrnl, @"c:\windows\system32\ntoskrnl.exe", "SYSTEM", kernel, uptime);
        var smss = Spawn(ImageCatalog.Smss, @"\SystemRoot\System32\smss.exe", "SYSTEM", system, uptime);
        var wininit = Spawn(ImageCatalog.Wininit, "wininit.exe", "SYSTEM", smss, uptime);
        var services = Spawn(ImageCatalog.Services, @"C:\Windows\system32\services.exe", "SYSTEM", wininit, uptime);
        Spawn(ImageCatalog.Lsass, @"C:\Windows\system32\lsass.exe", "SYSTEM", wininit, uptime);
        var winlogon = Spawn(ImageCatalog.Winlogon, "winlogon.exe", "SYSTEM", smss, uptime);
        var userinit = Spawn(ImageCatalog.Userinit, @"C:\Windows\system32\userinit.exe", user, winlogon, TimeSpan.FromSeconds(2));
        var explorer = Spawn(ImageCatalog.Explorer, @"C:\Windows\Explorer.EXE", user, userinit, uptime);
        var hosts = new List<ProcessRecord>();
        for (var i = 0; i < 4 && added < quota; i++)
        {
            hosts.Add(Spawn(ImageCatalog.Svchost, @"C:\Windows\system32\svchost.exe " + ServiceArgs[random.Next(ServiceArgs.Length)], "SYSTEM", services, uptime));
        }

        ProcessRecord? shell = null;
        while (added < quota)
        {
            clock = clock.AddSeconds(random.Next(1, (int)Math.Max(2, uptime.TotalSeconds / Math.Max(1, quota))));
            var roll = random.Next(100);
            if (roll < 30)
            {
                var program = ImageCatalog.UserPrograms[random.Next(ImageCatalog.UserPrograms.Count)];
                var argument = program.ProcessName is "winword.exe" or "excel.exe" or "powerpnt.exe" or "notepad.exe"
                    ? " \"c:\\users\\" + user[(user.IndexOf('\\', StringComparison.Ordinal) + 1)..] + "\\documents\\" + Documents[random.Next(Documents.Length)] + "\""
                    : "";
                Spawn(program, "\"" + ToDisplayPath(program.Path) + "\"" + argument, user, explorer, TimeSpan.FromMinutes(random.Next(1, 600)));
            }
            else if (roll < 45 || shell is null)
            {
                shell = Spawn(ImageCatalog.Cmd, "\"C:\\Windows\\system32\\cmd.exe\" ", user, explorer, TimeSpan.FromHours(random.Next(1, 48)));
            }
            else if (roll < 80)
            {
                var (tool, commandLines) = ImageCatalog.ShellTools[random.Next(ImageCatalog.ShellTools.Count)];
                Spawn(tool, commandLines[random.Next(commandLines.Length)], user, shell, TimeSpan.FromMilliseconds(random.Next(40, 4000)));
            }
            else
            {
                var host = hosts.Count > 0 ? hosts[random.Next(hosts.Count)] : services;
                Spawn(ImageCatalog.Svchost, @"C:\Windows\system32\svchost.exe " + ServiceArgs[random.Next(ServiceArgs.Length)], "SYSTEM", host, TimeSpan.FromMinutes(random.Next(1, 3000)));
            }
        }

        return added;
    }

    private static string ToDisplayPath(string path) =>
        path.Replace(@"c:\program files", @"C:\Program Files", StringComparison.Ordinal).Replace(@"c:\windows", @"C:\Windows", StringComparison.Ordinal);

    private static ProcessEvents RandomEvents(DateTime at, ImageInfo image, Random random)
    {
        var dlls = ImageCatalog.Dlls;
        var modloads = new ModLoadEvent[random.Next(1, 5)];
        for (var i = 0; i < modloads.Length; i++)
        {
            var dll = dlls[(i == 0 ? 0 : random.Next(dlls.Count))];
            modloads[i] = new ModLoadEvent(at.AddMilliseconds(2 * i + 1), dll.Md5Lower, dll.Path);
        }

        var browser = image.ProcessName is "chrome.exe" or "firefox.exe" or "iexplore.exe" or "outlook.exe" or "svchost.exe";
        var netconns = new NetConnEvent[browser ? random.Next(1, 4) : (random.Next(5) == 0 ? 1 : 0)];
        for (var i = 0; i < netconns.Length; i++)
        {
            var remote = (uint)random.Next(0x01000000, 0x7fffffff);
            netconns[i] = new NetConnEvent(at.AddMilliseconds(200 + i * 37), remote, random.Next(3) == 0 ? 80 : 443, 6,
                Domains[random.Next(Domains.Length)], true, 0x0a000000u | (uint)random.Next(1, 0xffff), random.Next(49152, 65535));
        }

        var filemods = random.Next(3) == 0
            ? new[] { new FileModEvent(1, at.AddMilliseconds(500), @"c:\users\public\appdata\local\temp\~tmp" + random.Next(0x1000, 0xffff).ToString("x4", CultureInfo.InvariantCulture) + ".tmp", null, 0) }
            : [];
        var regmods = random.Next(4) == 0
            ? new[] { new RegModEvent(2, at.AddMilliseconds(700), @"\registry\machine\software\microsoft\windows\currentversion\run\updater") }
            : [];
        return new ProcessEvents { ModLoads = modloads, NetConns = netconns, FileMods = filemods, RegMods = regmods };
    }
}
