using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CbTyped.Emulator.Data;

/// <summary>
/// The images of the seed scenario (fixed MD5s from the walkthrough) and a catalogue of ordinary Windows software
/// for the generated bulk data. MD5s not given by the walkthrough are derived from the path, so they never change.
/// </summary>
internal static class ImageCatalog
{
    private static readonly DateTime WalkthroughSignTime = new(2012, 7, 26, 2, 38, 0, DateTimeKind.Utc);
    private static readonly DateTime Win7Sp1SignTime = new(2010, 11, 20, 12, 22, 0, DateTimeKind.Utc);

    public static readonly ImageInfo Net = Microsoft(@"c:\windows\system32\net.exe", "79B6D4C5283FC806387C55B8D7C8B762", "Net Command", WalkthroughSignTime);
    public static readonly ImageInfo Cmd = Microsoft(@"c:\windows\system32\cmd.exe", "BF93A2F9901E9B3DFCA8A7982F4A9868", "Windows Command Processor", WalkthroughSignTime);
    public static readonly ImageInfo Explorer = Microsoft(@"c:\windows\explorer.exe", null, "Windows Explorer", Win7Sp1SignTime);
    public static readonly ImageInfo Userinit = Microsoft(@"c:\windows\system32\userinit.exe", null, "Userinit Logon Application", Win7Sp1SignTime);
    public static readonly ImageInfo Winlogon = Microsoft(@"c:\windows\system32\winlogon.exe", null, "Windows Logon Application", Win7Sp1SignTime);
    public static readonly ImageInfo Smss = Microsoft(@"c:\windows\system32\smss.exe", null, "Windows Session Manager", Win7Sp1SignTime);
    public static readonly ImageInfo Ntoskrnl = Microsoft(@"c:\windows\system32\ntoskrnl.exe", null, "NT Kernel & System", Win7Sp1SignTime);
    public static readonly ImageInfo Csrss = Microsoft(@"c:\windows\system32\csrss.exe", null, "Client Server Runtime Process", Win7Sp1SignTime);
    public static readonly ImageInfo Wininit = Microsoft(@"c:\windows\system32\wininit.exe", null, "Windows Start-Up Application", Win7Sp1SignTime);
    public static readonly ImageInfo Services = Microsoft(@"c:\windows\system32\services.exe", null, "Services and Controller app", Win7Sp1SignTime);
    public static readonly ImageInfo Lsass = Microsoft(@"c:\windows\system32\lsass.exe", null, "Local Security Authority Process", Win7Sp1SignTime);
    public static readonly ImageInfo Svchost = Microsoft(@"c:\windows\system32\svchost.exe", null, "Host Process for Windows Services", Win7Sp1SignTime);

    /// <summary>The binary the walkthrough downloads and bans: an unsigned tool, not signed by anyone.</summary>
    public static readonly ImageInfo DownloadSample = new(
        @"c:\users\bit9rad\downloads\mimikatz.exe", "7FB55F5A62E78AF9B58D08AAEEAEF848", "gentilkiwi (Benjamin DELPY)",
        "mimikatz", "mimikatz for Windows", "2.1.0.0", "Unsigned", null);

    /// <summary>Programs users and services run; the bulk generator picks from these.</summary>
    public static readonly IReadOnlyList<ImageInfo> UserPrograms =
    [
        Vendor(@"c:\program files (x86)\google\chrome\application\chrome.exe", "Google Inc.", "Google Chrome", "Google Chrome", "54.0.2840.71", new DateTime(2016, 10, 19, 21, 3, 0, DateTimeKind.Utc)),
        Vendor(@"c:\program files\mozilla firefox\firefox.exe", "Mozilla Corporation", "Firefox", "Firefox", "49.0.2", new DateTime(2016, 10, 20, 17, 41, 0, DateTimeKind.Utc)),
        Vendor(@"c:\program files (x86)\microsoft office\office15\outlook.exe", "Microsoft Corporation", "Microsoft Outlook", "Microsoft Outlook", "15.0.4867.1000", new DateTime(2016, 9, 28, 8, 2, 0, DateTimeKind.Utc)),
        Vendor(@"c:\program files (x86)\microsoft office\office15\winword.exe", "Microsoft Corporation", "Microsoft Word", "Microsoft Word", "15.0.4867.1000", new DateTime(2016, 9, 28, 8, 2, 0, DateTimeKind.Utc)),
        Vendor(@"c:\program files (x86)\microsoft office\office15\excel.exe", "Microsoft Corporation", "Microsoft Excel", "Microsoft Excel", "15.0.4867.1000", new DateTime(2016, 9, 28, 8, 2, 0, DateTimeKind.Utc)),
        Vendor(@"c:\program files (x86)\microsoft office\office15\powerpnt.exe", "Microsoft Corporation", "Microsoft PowerPoint", "Microsoft PowerPoint", "15.0.4867.1000", new DateTime(2016, 9, 28, 8, 2, 0, DateTimeKind.Utc)),
        Microsoft(@"c:\windows\system32\notepad.exe", null, "Notepad", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\windowspowershell\v1.0\powershell.exe", null, "Windows PowerShell", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\mstsc.exe", null, "Remote Desktop Connection", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\taskmgr.exe", null, "Windows Task Manager", Win7Sp1SignTime),
        Microsoft(@"c:\program files\internet explorer\iexplore.exe", null, "Internet Explorer", Win7Sp1SignTime),
        Vendor(@"c:\program files\7-zip\7zfm.exe", "Igor Pavlov", "7-Zip", "7-Zip File Manager", "16.04", null, "Unsigned"),
        Vendor(@"c:\program files (x86)\notepad++\notepad++.exe", "Don HO don.h@free.fr", "Notepad++", "Notepad++ : a free (GNU) source code editor", "7.1", null, "Unsigned"),
        Vendor(@"c:\users\public\updater\svcupdate.exe", "", "", "", "", null, "Invalid Chain"),
        Vendor(@"c:\program files\putty\putty.exe", "Simon Tatham", "PuTTY suite", "SSH, Telnet and Rlogin client", "0.67", new DateTime(2016, 3, 5, 10, 0, 0, DateTimeKind.Utc)),
    ];

    /// <summary>Short-lived tools a command shell starts, with the command lines they get.</summary>
    public static readonly IReadOnlyList<(ImageInfo Image, string[] CommandLines)> ShellTools =
    [
        (Net, ["net  view", "net  user", "net  localgroup administrators", "net  use", "net  time \\\\dc01"]),
        (Microsoft(@"c:\windows\system32\ipconfig.exe", null, "IP Configuration Utility", Win7Sp1SignTime), ["ipconfig  /all", "ipconfig  /flushdns"]),
        (Microsoft(@"c:\windows\system32\ping.exe", null, "TCP/IP Ping Command", Win7Sp1SignTime), ["ping  8.8.8.8", "ping  -n 1 fileserver01"]),
        (Microsoft(@"c:\windows\system32\whoami.exe", null, "whoami - displays logged on user information", Win7Sp1SignTime), ["whoami", "whoami  /groups"]),
        (Microsoft(@"c:\windows\system32\tasklist.exe", null, "Lists the current running tasks", Win7Sp1SignTime), ["tasklist", "tasklist  /svc"]),
        (Microsoft(@"c:\windows\system32\reg.exe", null, "Registry Console Tool", Win7Sp1SignTime), ["reg  query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run"]),
    ];

    /// <summary>DLLs processes load.</summary>
    public static readonly IReadOnlyList<ImageInfo> Dlls =
    [
        Microsoft(@"c:\windows\system32\ntdll.dll", null, "NT Layer DLL", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\kernel32.dll", null, "Windows NT BASE API Client DLL", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\kernelbase.dll", null, "Windows NT BASE API Client DLL", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\user32.dll", null, "Multi-User Windows USER API Client DLL", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\advapi32.dll", null, "Advanced Windows 32 Base API", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\netapi32.dll", null, "Net Win32 API DLL", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\ws2_32.dll", null, "Windows Socket 2.0 32-Bit DLL", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\crypt32.dll", null, "Crypto API32", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\shell32.dll", null, "Windows Shell Common Dll", Win7Sp1SignTime),
        Microsoft(@"c:\windows\system32\ole32.dll", null, "Microsoft OLE for Windows", Win7Sp1SignTime),
    ];

    /// <summary>Every image the data set refers to, for the binary store.</summary>
    public static IEnumerable<ImageInfo> All =>
        new[] { Net, Cmd, Explorer, Userinit, Winlogon, Smss, Ntoskrnl, Csrss, Wininit, Services, Lsass, Svchost, DownloadSample }
            .Concat(UserPrograms).Concat(ShellTools.Select(t => t.Image)).Concat(Dlls)
            .DistinctBy(i => i.Md5);

    private static ImageInfo Microsoft(string path, string? md5, string description, DateTime signTime) =>
        new(path, md5 ?? Md5Of(path), "Microsoft Corporation", "Microsoft® Windows® Operating System", description,
            "6.1.7601.17514 (win7sp1_rtm.101119-1850)", "Signed", signTime);

    private static ImageInfo Vendor(string path, string company, string product, string description, string version, DateTime? signTime, string? result = null) =>
        new(path, Md5Of(path), company, product, description, version, result ?? (signTime is null ? "Unsigned" : "Signed"), signTime);

    /// <summary>A stable, made-up MD5-shaped hash for an image the walkthrough does not name (32 hex digits).</summary>
    public static string Md5Of(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToLower(CultureInfo.InvariantCulture))).AsSpan(0, 16));
}
