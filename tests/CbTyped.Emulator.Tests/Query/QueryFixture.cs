using System.Globalization;
using System.Net;
using CbTyped.Emulator.Query;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>
/// A small fixed data set: 8 process documents (ordinals 0–7; 4 and 5 are two segments of one process),
/// 3 binaries and 3 alerts, searched with the clock stopped at <see cref="Now"/>.
/// </summary>
internal static class QueryFixture
{
    public static readonly DateTime Now = new(2020, 1, 15, 12, 0, 0, DateTimeKind.Utc);

    public static ISearchEngine Engine { get; } = new CbSearchEngine(new FixedTime(Now));

    public static ISearchIndex Processes { get; } = Engine.Build(SearchIndexKind.Process, ProcessDocuments());

    public static ISearchIndex Binaries { get; } = Engine.Build(SearchIndexKind.Binary, BinaryDocuments());

    public static ISearchIndex Alerts { get; } = Engine.Build(SearchIndexKind.Alert, AlertDocuments());

    public static ISearchIndex Index(string kind) => kind switch
    {
        "process" => Processes,
        "binary" => Binaries,
        "alert" => Alerts,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static SearchRequest Request(
        string q,
        int start = 0,
        int rows = 100,
        string? sort = null,
        string[]? facets = null,
        (string, string)[]? clauses = null,
        (string, string)[]? filters = null,
        bool group = false) =>
        new(q,
            (clauses ?? []).Select(c => KeyValuePair.Create(c.Item1, c.Item2)).ToList(),
            (filters ?? []).Select(c => KeyValuePair.Create(c.Item1, c.Item2)).ToList(),
            start, rows, sort, facets ?? [], group);

    public static DateTime At(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static uint Ip(string dotted)
    {
        var b = IPAddress.Parse(dotted).GetAddressBytes();
        return ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3];
    }

    private static List<ISearchDocument> ProcessDocuments() =>
    [
        new TestDocument( // 0
            ("process_id", "00000001-0000-0a10-01d1-be3a1c2b3c4d"), ("process_name", "net.exe"),
            ("path", @"c:\windows\system32\net.exe"), ("cmdline", @"net  use y: \\test\blah"),
            ("hostname", "WIN-IA9NQ1GN8OI"), ("group", "Default Group"), ("host_type", "workstation"),
            ("os_type", "windows"), ("username", "SYSTEM"), ("parent_name", "cmd.exe"),
            ("start", At("2016-06-04T08:35:03.38Z")), ("last_update", At("2016-06-04T08:40:00Z")),
            ("childproc_count", 0), ("terminated", true),
            ("filemod", @"c:\windows\system32\drivers\etc\hosts"), ("modload", @"c:\windows\system32\ntdll.dll"),
            ("md5", "1C9D6E5E2B4B7C2B0A3F1E2D3C4B5A69"), ("md5", "f404e59db6a0f122ab26bf4f3e2fd0fa"),
            ("process_md5", "1c9d6e5e2b4b7c2b0a3f1e2d3c4b5a69"),
            ("domain", "foo.com"), ("ipaddr", Ip("192.168.1.10"))),
        new TestDocument( // 1
            ("process_id", "00000001-0000-0b20-01d1-be3a1c2b3c4d"), ("process_name", "cmd.exe"),
            ("path", @"c:\windows\system32\cmd.exe"), ("cmdline", @"C:\Windows\system32\cmd.exe /c ""net use y: \\test\blah"""),
            ("hostname", "WIN-IA9NQ1GN8OI"), ("group", "Default Group"), ("host_type", "workstation"),
            ("os_type", "windows"), ("username", "bob"), ("parent_name", "explorer.exe"),
            ("start", At("2016-06-04T08:35:00Z")), ("last_update", At("2016-06-04T08:36:00Z")),
            ("childproc_count", 1), ("terminated", true), ("childproc_name", "net.exe"),
            ("filemod", @"c:\users\bob\appdata\x.tmp"), ("process_md5", "ad7b9c14083b52bc532fba5948342b98")),
        new TestDocument( // 2
            ("process_id", "00000002-0000-0c30-01d1-4f0c1c2b3c4d"), ("process_name", "POWERPNT.EXE"),
            ("path", @"c:\program files (x86)\microsoft office\office15\powerpnt.exe"),
            ("cmdline", @"""C:\Program Files (x86)\Microsoft Office\Office15\POWERPNT.EXE"" /s ""c:\docs\deck.pptx"""),
            ("hostname", "win7-laptop"), ("group", "Default Group"), ("host_type", "workstation"),
            ("os_type", "windows"), ("username", "bob"), ("parent_name", "explorer.exe"),
            ("start", At("2015-12-31T23:00:00Z")), ("last_update", At("2016-01-01T10:00:00Z")),
            ("childproc_count", 3), ("terminated", false),
            ("filemod", @"c:\windows\system32\spool\drivers\x.dll"), ("digsig_result_modload", "Unsigned"),
            ("domain", "foo.com.au"), ("ipaddr", Ip("10.1.2.3"))),
        new TestDocument( // 3
            ("process_id", "00000003-0000-0d40-01d5-cb8a1c2b3c4d"), ("process_name", "chrome.exe"),
            ("path", @"c:\users\bob\appdata\local\google\chrome\application\chrome.exe"),
            ("cmdline", @"""C:\Users\bob\AppData\Local\Google\Chrome\Application\chrome.exe"" --type=renderer"),
            ("hostname", "srv-01"), ("group", "Servers"), ("host_type", "server"), ("os_type", "windows"),
            ("username", "bob"), ("parent_name", "chrome.exe"),
            ("start", Now.AddHours(-1)), ("last_update", Now.AddMinutes(-30)),
            ("childproc_count", 12), ("terminated", false),
            ("filemod", @"c:\windows\system32\drivers\evil.sys"),
            ("domain", "www.google.com"), ("ipaddr", Ip("8.8.8.8")), ("ipaddr", Ip("192.168.200.1"))),
        new TestDocument( // 4
            ("process_id", "00000003-0000-0e50-01d5-cb8a1c2b3c4d"), ("process_name", "svchost.exe"),
            ("path", @"c:\windows\system32\svchost.exe"), ("cmdline", @"C:\Windows\system32\svchost.exe -k netsvcs"),
            ("hostname", "srv-01"), ("group", "Default Group"), ("host_type", "server"), ("os_type", "windows"),
            ("username", "SYSTEM"), ("parent_name", "services.exe"),
            ("start", Now.AddDays(-3)), ("last_update", Now.AddDays(-2)), ("childproc_count", 5), ("terminated", false)),
        new TestDocument( // 5: a later segment of process 4
            ("process_id", "00000003-0000-0e50-01d5-cb8a1c2b3c4d"), ("process_name", "svchost.exe"),
            ("path", @"c:\windows\system32\svchost.exe"), ("cmdline", @"C:\Windows\system32\svchost.exe -k netsvcs"),
            ("hostname", "srv-01"), ("group", "Default Group"), ("host_type", "server"), ("os_type", "windows"),
            ("username", "SYSTEM"), ("parent_name", "services.exe"),
            ("start", Now.AddDays(-3)), ("last_update", Now.AddDays(-1)), ("childproc_count", 5), ("terminated", false)),
        new TestDocument( // 6
            ("process_id", "00000004-0000-0f60-01d1-44441c2b3c4d"), ("process_name", "python3"),
            ("path", "/usr/bin/python3"), ("cmdline", "/usr/bin/python3 -c print(1)"),
            ("hostname", "ubuntu-01"), ("group", "Default Group"), ("host_type", "server"), ("os_type", "linux"),
            ("username", "root"), ("parent_name", "bash"),
            ("start", At("2016-01-01T00:00:00Z")), ("last_update", At("2016-01-01T00:05:00Z")),
            ("childproc_count", 0), ("terminated", false), ("domain", "localhost")),
        new TestDocument( // 7
            ("process_id", "00000001-0000-1070-01d3-202c7d4bb023"), ("process_name", "csc.exe"),
            ("path", @"c:\windows\microsoft.net\framework\v4.0.30319\csc.exe"),
            ("cmdline", @"C:\Windows\Microsoft.NET\Framework\v4.0.30319\csc.exe /noconfig /fullpaths @""C:\Users\bob\AppData\Local\Temp\x.cmdline"""),
            ("hostname", "WIN-IA9NQ1GN8OI"), ("group", "Default Group"), ("host_type", "workstation"),
            ("os_type", "windows"), ("username", "bob"), ("parent_name", "devenv.exe"),
            ("start", At("2017-08-28T18:35:57.663Z")), ("last_update", At("2017-08-29T13:07:37.238Z")),
            ("childproc_count", 2), ("terminated", false),
            ("alliance_score_srstrust", 100L), ("watchlist_5", At("2017-08-29T14:00:00Z"))),
    ];

    private static List<ISearchDocument> BinaryDocuments() =>
    [
        new TestDocument( // 0
            ("md5", "C7F5CAE0B450BE875EEE0E6DDFA771FE"), ("original_filename", "appid.sys"),
            ("observed_filename", @"c:\windows\system32\drivers\appid.sys"), ("is_executable_image", true),
            ("digsig_result", "Signed"), ("product_name", "Microsoft\u00ae Windows\u00ae Operating System"),
            ("company_name", "Microsoft Corporation"), ("orig_mod_len", 50688L),
            ("server_added_timestamp", At("2017-02-01T03:52:34.137Z")), ("hostname", "win7-hyperv-2")),
        new TestDocument( // 1
            ("md5", "0123456789ABCDEF0123456789ABCDEF"), ("original_filename", "evil.dll"),
            ("observed_filename", @"c:\users\bob\evil.dll"), ("is_executable_image", false),
            ("digsig_result", "Invalid Chain"), ("product_name", "Visual Studio Helper"),
            ("company_name", "Contoso Ltd"), ("orig_mod_len", 1024L),
            ("server_added_timestamp", At("2016-05-01T00:00:00Z")), ("hostname", "srv-01")),
        new TestDocument( // 2
            ("md5", "FEDCBA9876543210FEDCBA9876543210"), ("original_filename", "a.doc"),
            ("observed_filename", @"c:\temp\a.doc"), ("observed_filename", @"d:\shares\b.doc"),
            ("is_executable_image", false), ("digsig_result", "Unsigned"), ("orig_mod_len", 20000L),
            ("server_added_timestamp", At("2018-01-01T00:00:00Z")), ("hostname", "srv-01")),
    ];

    private static List<ISearchDocument> AlertDocuments() =>
    [
        new TestDocument( // 0
            ("unique_id", "a743ee18-ce1d-4fb3-adc5-f05a77c8996c"), ("status", "Unresolved"),
            ("alert_severity", 50.625), ("created_time", At("2017-09-11T17:50:03.377Z")),
            ("watchlist_name", "Watchlist"), ("feed_name", "My Watchlists"), ("feed_id", -1L),
            ("process_name", "cb.exe"), ("hostname", "win-6epacunb1i1")),
        new TestDocument( // 1
            ("unique_id", "b743ee18-ce1d-4fb3-adc5-f05a77c8996c"), ("status", "Resolved"),
            ("alert_severity", 90.0), ("created_time", At("2017-09-12T00:00:00Z")),
            ("feed_name", "cbbanning"), ("feed_id", 2L), ("process_name", "net.exe"), ("hostname", "srv-01")),
        new TestDocument( // 2
            ("unique_id", "c743ee18-ce1d-4fb3-adc5-f05a77c8996c"), ("status", "In Progress"),
            ("alert_severity", 10.5), ("created_time", At("2017-09-10T00:00:00Z")),
            ("watchlist_name", "Other list"), ("feed_name", "My Watchlists"), ("feed_id", -1L),
            ("process_name", "svchost.exe"), ("hostname", "srv-01")),
    ];
}
