using System.Text;

namespace CbTyped.Response.Tests.Walkthrough;

/// <summary>
/// What cb-response-api-examples.txt prints for each step (its non-log lines), under the step's section title as the
/// sample prints it. Values are the emulator's seed scenario, which holds the document's data.
/// </summary>
internal static class SeedOutput
{
    /// <summary>One process of the walk: what step 4 and step 6 print about it.</summary>
    private sealed record Proc(string Start, string User, string Cmdline, string Md5, int DaysSinceSigned);

    private static readonly Proc NetY = new("2016-11-11 20:59:31.631000", @"WIN-IA9NQ1GN8OI\bit9rad", @"net  use y: \\test\blah", "79b6d4c5283fc806387c55b8d7c8b762", 1569);
    private static readonly Proc NetZ = new("2016-11-11 20:59:25.667000", @"WIN-IA9NQ1GN8OI\bit9rad", @"net  use z: \\test\blah", "79b6d4c5283fc806387c55b8d7c8b762", 1569);

    // The parent chain both net.exe processes share, nearest first. cmd.exe's command line ends with a space: the
    // document's step 6 shows it ("...cmd.exe"  was executed"); its step 4 line cannot show a trailing space.
    private static readonly Proc[] Parents =
    [
        new("2016-10-25 20:20:29.790000", @"WIN-IA9NQ1GN8OI\bit9rad", "\"C:\\Windows\\system32\\cmd.exe\" ", "bf93a2f9901e9b3dfca8a7982f4a9868", 1552),
        new("2016-10-25 14:08:49.651000", @"WIN-IA9NQ1GN8OI\bit9rad", @"C:\Windows\Explorer.EXE", "4cee57f2a02b5c6790b139772ca12460", 2166),
        new("2016-10-25 14:08:49.370000", @"WIN-IA9NQ1GN8OI\bit9rad", @"C:\Windows\system32\userinit.exe", "0d299d647f66908f0bca163015294a87", 2166),
        new("2016-10-25 14:08:26.382000", "SYSTEM", "winlogon.exe", "952a45c0925ded0ed9208f9add113bd3", 2166),
        new("2016-10-25 14:08:26.242000", "SYSTEM", @"\SystemRoot\System32\smss.exe 00000001 00000030", "d757364263806aba7343fbdb256e2ae8", 2166),
        new("2016-10-25 14:08:23.590000", "SYSTEM", @"\SystemRoot\System32\smss.exe", "d757364263806aba7343fbdb256e2ae8", 2166),
        new("2016-10-25 14:08:23.559000", "SYSTEM", @"c:\windows\system32\ntoskrnl.exe", "c459690c885362bdd2265ce0a4cb432d", 2166),
        new("2016-10-25 14:08:23.374000", "", @"c:\windows\system32\ntoskrnl.exe", "c459690c885362bdd2265ce0a4cb432d", 2166),
    ];

    public const string Download = "Download a Binary from Cb Response";
    public const string Ban = "Ban a Binary";
    public const string Isolate = "Isolate a Sensor";
    public const string Query = "Querying Processes and Events";
    public const string Watchlists = "Feed and Watchlist Maintenance";
    public const string Joins = "Joining Everything Together";
    public const string Administration = "Administrative Tasks";

    /// <summary>Step 1: <c>binary.file.read(2)</c>.</summary>
    public static string Step1 => Section(Download, "\"MZ\"");

    /// <summary>Step 2: the save prints only log lines.</summary>
    public static string Step2 => Section(Ban);

    /// <summary>Step 3: <c>sensor.isolate()</c> and <c>sensor.unisolate()</c>.</summary>
    public static string Step3 => Section(Isolate, "True", "True");

    /// <summary>Step 4: each net.exe and its parents, one space deeper per level.</summary>
    public static string Step4 => Section(Query, [.. Walk(NetY, QueryLines), .. Walk(NetZ, QueryLines)]);

    /// <summary>Step 5: the watchlist's query read back, and its count.</summary>
    public static string Step5 => Section(Watchlists, @"process_name:net.exe cmdline:\\test\blah", "2");

    /// <summary>Step 6: every process of both walks with its host, group and signature (the document stops at "and so forth").</summary>
    public static string Step6 => Section(Joins, [.. Walk(NetY, JoinLines), .. Walk(NetZ, JoinLines)]);

    /// <summary>Step 7: creating the user and group and moving the sensor print only log lines.</summary>
    public static string Step7 => Section(Administration);

    /// <summary>The whole sample against the embedded emulator.</summary>
    public static string All => Step1 + Step2 + Step3 + Step4 + Step5 + Step6 + Step7;

    /// <summary>A section as <c>StepHeading</c> writes it (a blank line, the title, its underline), then the lines.</summary>
    public static string Section(string title, params string[] lines)
    {
        var text = new StringBuilder().Append('\n').Append(title).Append('\n').Append('-', title.Length).Append('\n');
        foreach (var line in lines)
            text.Append(line).Append('\n');
        return text.ToString();
    }

    private static IEnumerable<string> Walk(Proc net, Func<Proc, int, IEnumerable<string>> print) =>
        print(net, 0).Concat(Parents.SelectMany((p, i) => print(p, i)));

    // print("%s%s: %s ran %s" % (" "*depth, proc.start, proc.username, proc.cmdline))
    private static IEnumerable<string> QueryLines(Proc p, int depth) => [$"{new string(' ', depth)}{p.Start}: {p.User} ran {p.Cmdline}"];

    private static IEnumerable<string> JoinLines(Proc p, int depth) =>
    [
        "On host WIN-IA9NQ1GN8OI (part of sensor group Default Group):",
        $"- At {p.Start}, process {p.Cmdline} was executed by {p.User}",
        $"- That binary ({p.Md5}) was signed by Microsoft Corporation {p.DaysSinceSigned} days before it was executed.",
    ];
}
