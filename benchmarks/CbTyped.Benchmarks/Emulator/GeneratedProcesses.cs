using System.Globalization;
using CbTyped.Emulator.Search;

namespace CbTyped.Benchmarks.Emulator;

/// <summary>
/// Deterministic, realistic-looking process documents for search benchmarks: document i is always the same
/// (its values come from a Random seeded with i), and values repeat the way real ones do (a few hundred
/// hosts, a few dozen executables, unique GUIDs).
/// </summary>
internal static class GeneratedProcesses
{
    private static readonly (string Name, string Path, string Args)[] Programs =
    [
        ("svchost.exe", @"c:\windows\system32\svchost.exe", "-k netsvcs"),
        ("svchost.exe", @"c:\windows\system32\svchost.exe", "-k LocalServiceNetworkRestricted"),
        ("net.exe", @"c:\windows\system32\net.exe", @"use y: \\test\blah"),
        ("net.exe", @"c:\windows\system32\net.exe", "user administrator"),
        ("cmd.exe", @"c:\windows\system32\cmd.exe", "/c whoami"),
        ("powershell.exe", @"c:\windows\system32\windowspowershell\v1.0\powershell.exe", "-nop -w hidden -enc SQBFAFgA"),
        ("explorer.exe", @"c:\windows\explorer.exe", ""),
        ("chrome.exe", @"c:\program files (x86)\google\chrome\application\chrome.exe", "--type=renderer --lang=en-US"),
        ("firefox.exe", @"c:\program files\mozilla firefox\firefox.exe", "-contentproc --channel=1"),
        ("outlook.exe", @"c:\program files (x86)\microsoft office\office15\outlook.exe", "/recycle"),
        ("powerpnt.exe", @"c:\program files (x86)\microsoft office\office15\powerpnt.exe", @"/s ""c:\users\bob\deck.pptx"""),
        ("winword.exe", @"c:\program files (x86)\microsoft office\office15\winword.exe", "/n"),
        ("csc.exe", @"c:\windows\microsoft.net\framework\v4.0.30319\csc.exe", "/noconfig /fullpaths @x.cmdline"),
        ("rundll32.exe", @"c:\windows\system32\rundll32.exe", "shell32.dll,Control_RunDLL"),
        ("lsass.exe", @"c:\windows\system32\lsass.exe", ""),
        ("services.exe", @"c:\windows\system32\services.exe", ""),
        ("taskhost.exe", @"c:\windows\system32\taskhost.exe", ""),
        ("notepad.exe", @"c:\windows\system32\notepad.exe", @"c:\temp\notes.txt"),
        ("evil.exe", @"c:\users\bob\appdata\local\temp\evil.exe", "--silent"),
        ("updater.exe", @"c:\users\alice\appdata\roaming\updater\updater.exe", "/update"),
        ("bash", "/bin/bash", "-c ls"),
        ("python3", "/usr/bin/python3", "-m http.server"),
        ("sshd", "/usr/sbin/sshd", "-D"),
    ];

    private static readonly string[] Groups = ["Default Group", "Servers", "Workstations", "Domain Controllers", "Lab"];
    private static readonly string[] HostTypes = ["workstation", "server", "domain_controller"];
    private static readonly string[] Users = [.. Enumerable.Range(0, 50).Select(i => $"user{i:D2}"), "SYSTEM"];
    private static readonly string[] Domains =
        [.. Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? $"cdn{i}.example.com" : i % 3 == 1 ? $"www.site{i}.co.uk" : $"api{i}.service.net")];

    private static readonly string[] FileMods =
    [
        @"c:\windows\system32\drivers\etc\hosts", @"c:\windows\system32\config\systemprofile\x.tmp",
        @"c:\users\bob\appdata\local\temp\a.tmp", @"c:\users\alice\documents\report.docx",
        @"c:\programdata\vendor\cache.bin", @"c:\windows\temp\setup.log",
    ];

    private static readonly string[] ModLoads =
    [
        @"c:\windows\system32\ntdll.dll", @"c:\windows\system32\kernel32.dll", @"c:\windows\system32\user32.dll",
        @"c:\windows\system32\advapi32.dll", @"c:\windows\system32\ws2_32.dll", @"c:\windows\syswow64\msvcrt.dll",
    ];

    private static readonly DateTime Epoch = new(2016, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static List<ISearchDocument> Create(int count) =>
        [.. Enumerable.Range(0, count).Select(i => (ISearchDocument)new Process(i))];

    private sealed class Process(int ordinal) : ISearchDocument
    {
        public void WriteFields(ISearchFieldSink sink)
        {
            var random = new Random(ordinal);
            var program = Programs[random.Next(Programs.Length)];
            var host = random.Next(500);
            var sensor = host + 1;
            var pid = random.Next(4, 65536);
            var start = Epoch.AddSeconds(random.Next(0, 60 * 60 * 24 * 400));
            var id = string.Create(CultureInfo.InvariantCulture, $"{sensor:x8}-0000-{pid:x4}-01d1-{ordinal:x12}");
            sink.Add("process_id", id);
            sink.Add("unique_id", id + "-000000000001");
            sink.Add("parent_id", string.Create(CultureInfo.InvariantCulture, $"{sensor:x8}-0000-{random.Next(4, 65536):x4}-01d1-{random.Next():x12}"));
            sink.Add("process_name", program.Name);
            sink.Add("path", program.Path);
            sink.Add("cmdline", program.Args.Length == 0 ? program.Path : $"\"{program.Path}\" {program.Args}");
            sink.Add("parent_name", Programs[random.Next(Programs.Length)].Name);
            sink.Add("hostname", string.Create(CultureInfo.InvariantCulture, $"host-{host:D4}"));
            sink.Add("sensor_id", sensor);
            sink.Add("group", Groups[host % Groups.Length]);
            sink.Add("host_type", HostTypes[host % HostTypes.Length]);
            sink.Add("os_type", program.Path[0] == '/' ? "linux" : "windows");
            sink.Add("username", Users[random.Next(Users.Length)]);
            sink.Add("process_pid", pid);
            sink.Add("process_md5", Md5(program.Name, program.Args.Length));
            sink.Add("md5", Md5(program.Name, program.Args.Length));
            sink.Add("start", start);
            sink.Add("last_update", start.AddSeconds(random.Next(1, 86400)));
            sink.Add("last_server_update", start.AddSeconds(random.Next(86400, 90000)));
            sink.Add("terminated", random.Next(4) != 0);
            sink.Add("childproc_count", random.Next(0, 20));
            var modloads = random.Next(0, 4);
            sink.Add("modload_count", modloads);
            for (var m = 0; m < modloads; m++)
            {
                sink.Add("modload", ModLoads[random.Next(ModLoads.Length)]);
            }

            var filemods = random.Next(0, 3);
            sink.Add("filemod_count", filemods);
            for (var f = 0; f < filemods; f++)
            {
                sink.Add("filemod", FileMods[random.Next(FileMods.Length)]);
            }

            var netconns = random.Next(0, 3);
            sink.Add("netconn_count", netconns);
            for (var n = 0; n < netconns; n++)
            {
                sink.Add("domain", Domains[random.Next(Domains.Length)]);
                sink.AddIPv4("ipaddr", random.Next(2) == 0 ? 0xC0A80000u | (uint)random.Next(65536) : (uint)random.Next());
                sink.Add("ipport", random.Next(2) == 0 ? 443 : 80);
            }
        }

        // An md5-shaped value (32 hex digits) that is stable across runs: two FNV-1a hashes of the name.
        private static string Md5(string name, int variant)
        {
            var a = 14695981039346656037UL;
            var b = 1099511628211UL * (ulong)(variant + 1);
            foreach (var c in name)
            {
                a = (a ^ c) * 1099511628211UL;
                b = (b ^ c) * 14029467366897019727UL;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{a:x16}{b:x16}");
        }
    }
}
