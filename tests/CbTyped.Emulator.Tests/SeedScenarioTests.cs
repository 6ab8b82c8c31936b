using System.Globalization;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>The seed walkthrough's data, read over HTTP exactly as the walkthrough's client reads it.</summary>
[Collection(SeedEmulatorTests.Name)]
public sealed class SeedScenarioTests(SeedEmulatorFixture fixture)
{
    private const string NetUseQuery = "/api/v1/process?cb.urlver=1&facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&rows=100&sort=last_update+desc&start=0";

    private static readonly (string Id, string Start, string User, string CommandLine)[] ParentChain =
    [
        ("00000003-0000-036c-01d2-2efd3af51186", "2016-10-25T20:20:29.79Z", @"WIN-IA9NQ1GN8OI\bit9rad", "\"C:\\Windows\\system32\\cmd.exe\" "),
        ("00000003-0000-0c34-01d2-2ec94f09cae6", "2016-10-25T14:08:49.651Z", @"WIN-IA9NQ1GN8OI\bit9rad", @"C:\Windows\Explorer.EXE"),
        ("00000003-0000-0618-01d2-2ec94edef208", "2016-10-25T14:08:49.37Z", @"WIN-IA9NQ1GN8OI\bit9rad", @"C:\Windows\system32\userinit.exe"),
        ("00000003-0000-02ec-01d2-2ec9412b4b70", "2016-10-25T14:08:26.382Z", "SYSTEM", "winlogon.exe"),
        ("00000003-0000-02b0-01d2-2ec94115df7a", "2016-10-25T14:08:26.242Z", "SYSTEM", @"\SystemRoot\System32\smss.exe 00000001 00000030"),
        ("00000003-0000-0218-01d2-2ec93f813429", "2016-10-25T14:08:23.59Z", "SYSTEM", @"\SystemRoot\System32\smss.exe"),
        ("00000003-0000-0004-01d2-2ec93f7c7181", "2016-10-25T14:08:23.559Z", "SYSTEM", @"c:\windows\system32\ntoskrnl.exe"),
        ("00000003-0000-0000-01d2-2ec93f6051ee", "2016-10-25T14:08:23.374Z", "", @"c:\windows\system32\ntoskrnl.exe"),
    ];

    private EmulatorClient Client => fixture.Client;

    [Fact]
    public async Task The_net_use_query_finds_exactly_the_two_processes_newest_first()
    {
        var page = await Client.GetJsonAsync(NetUseQuery);
        Assert.Equal(2, (int)page["total_results"]!);
        var results = page["results"]!.AsArray();
        Assert.Equal(["net  use y: \\\\test\\blah", "net  use z: \\\\test\\blah"], results.Select(r => (string)r!["cmdline"]!));
        Assert.Equal(["2016-11-11T20:59:31.631Z", "2016-11-11T20:59:25.667Z"], results.Select(r => (string)r!["start"]!));
        Assert.All(results, r =>
        {
            Assert.Equal("WIN-IA9NQ1GN8OI", (string?)r!["hostname"]);
            Assert.Equal(@"WIN-IA9NQ1GN8OI\bit9rad", (string?)r["username"]);
            Assert.Equal(3, (int)r["sensor_id"]!);
            Assert.Equal("79b6d4c5283fc806387c55b8d7c8b762", (string?)r["process_md5"]);
            Assert.Equal(ParentChain[0].Id, (string?)r["parent_id"]);
            Assert.Matches("^00000003-0000-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", (string)r["id"]!);
        });
    }

    [Fact]
    public async Task A_count_query_with_rows_0_returns_the_total_and_no_results()
    {
        var page = await Client.GetJsonAsync("/api/v1/process?cb.urlver=1&facet=false&q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&rows=0&start=0");
        Assert.Equal(2, (int)page["total_results"]!);
        Assert.Empty(page["results"]!.AsArray());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public async Task Walking_the_parents_gives_the_eight_level_chain_then_a_placeholder(string segment)
    {
        var page = await Client.GetJsonAsync(NetUseQuery);
        var current = page["results"]![0]!;
        foreach (var expected in ParentChain)
        {
            var parentId = (string)current["parent_id"]!;
            Assert.Equal(expected.Id, parentId);
            var summary = await Client.GetJsonAsync($"/api/v1/process/{parentId}/{segment}?children=15");
            var process = summary["process"]!;
            Assert.Equal(expected.Start, (string?)process["start"]);
            Assert.Equal(expected.User, (string?)process["username"]);
            Assert.Equal(expected.CommandLine, (string?)process["cmdline"]);
            Assert.Equal(3, (int)process["sensor_id"]!);
            current = process;
        }

        // The kernel's parent exists only as a placeholder with pid -1, which ends the walk.
        var top = await Client.GetJsonAsync($"/api/v1/process/{(string)current["parent_id"]!}/{segment}");
        Assert.Equal(-1, (int)top["process"]!["process_pid"]!);
        Assert.Equal("", (string?)top["process"]!["parent_id"]);
    }

    [Fact]
    public async Task The_shell_summary_lists_both_net_processes_as_children()
    {
        var summary = await Client.GetJsonAsync($"/api/v1/process/{ParentChain[0].Id}/0?children=15");
        var children = summary["children"]!.AsArray().Select(c => (string)c!["cmdline"]!).ToList();
        Assert.Contains("net  use y: \\\\test\\blah", children);
        Assert.Contains("net  use z: \\\\test\\blah", children);
        Assert.Equal("explorer.exe", (string?)summary["parent"]!["process_name"]);
        Assert.Empty(summary["siblings"]!.AsArray());
    }

    [Fact]
    public async Task An_unknown_process_or_segment_is_404()
    {
        using var unknown = await Client.Http.GetAsync("/api/v1/process/00000003-0000-0000-0000-000000000000/1");
        Assert.Equal(404, (int)unknown.StatusCode);
        using var badSegment = await Client.Http.GetAsync($"/api/v1/process/{ParentChain[0].Id}/7");
        Assert.Equal(404, (int)badSegment.StatusCode);
    }

    [Fact]
    public async Task Sensor_3_and_its_group_are_what_the_join_needs()
    {
        var sensor = await Client.GetJsonAsync("/api/v1/sensor/3");
        Assert.Equal("WIN-IA9NQ1GN8OI", (string?)sensor["computer_name"]);
        Assert.Equal("005.002.000.60922", (string?)sensor["build_version_string"]);
        Assert.Equal("2", (string?)sensor["boot_id"]);
        Assert.Equal(2, (int)sensor["build_id"]!);
        foreach (var route in new[] { "/api/group/1", "/api/v2/group/1", "/api/v3/group/1" })
        {
            var groups = (await Client.GetJsonAsync(route)).AsArray();
            Assert.Single(groups);
            Assert.Equal("Default Group", (string?)groups[0]!["name"]);
            Assert.Equal(1, (int)groups[0]!["site_id"]!);
        }
    }

    [Fact]
    public async Task Sensor_4_is_the_first_sensor_named_HOSTNAME()
    {
        var count = await Client.GetJsonAsync("/api/v2/sensor?hostname=HOSTNAME&rows=0&start=0");
        Assert.Equal(1, (int)count["total_results"]!);
        Assert.Empty(count["results"]!.AsArray());
        var page = await Client.GetJsonAsync("/api/v2/sensor?hostname=HOSTNAME&rows=1&sort.col=computer_name&sort.dir=asc&start=0");
        var sensor = page["results"]![0]!;
        Assert.Equal(4, (int)sensor["id"]!);
        Assert.Equal("005.002.000.61003", (string?)sensor["build_version_string"]);
        Assert.Equal(5, (int)sensor["build_id"]!);
        Assert.Equal("0", (string?)sensor["boot_id"]);
        var list = (await Client.GetJsonAsync("/api/v1/sensor?hostname=HOSTNAME")).AsArray();
        Assert.Equal([4], list.Select(s => (int)s!["id"]!));
    }

    [Theory]
    [InlineData("79B6D4C5283FC806387C55B8D7C8B762", "net.exe", "2016-11-11T20:59:31.631Z", 1569)]
    [InlineData("BF93A2F9901E9B3DFCA8A7982F4A9868", "cmd.exe", "2016-10-25T20:20:29.79Z", 1552)]
    public async Task The_signed_binaries_give_the_walkthrough_day_counts(string md5, string name, string processStart, int days)
    {
        var binary = await Client.GetJsonAsync($"/api/v1/binary/{md5}/summary");
        Assert.Equal(md5, (string?)binary["md5"]);
        Assert.Equal(name, (string?)binary["original_filename"]);
        Assert.Equal("Signed", (string?)binary["digsig_result"]);
        Assert.Equal("Microsoft Corporation", (string?)binary["digsig_publisher"]);
        var signed = DateTime.ParseExact((string)binary["digsig_sign_time"]!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.Equal(new DateTime(2012, 7, 26), signed.Date);
        var started = DateTime.Parse(processStart, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
        Assert.Equal(days, (started - signed).Days);
        Assert.NotNull(binary["digsig_issuer"]);
        Assert.NotNull(binary["digsig_subject"]);
        Assert.NotNull(binary["digsig_prog_name"]);
    }

    [Fact]
    public async Task The_binary_download_is_a_zip_with_filedata_starting_MZ_and_metadata()
    {
        using var response = await Client.Http.GetAsync("/api/v1/binary/7fb55f5a62e78af9b58d08aaeeaef848");
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        Assert.Equal(["filedata", "metadata"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        await using var data = zip.GetEntry("filedata")!.Open();
        var first = new byte[2];
        await data.ReadExactlyAsync(first);
        Assert.Equal("MZ"u8.ToArray(), first);
        using var metadata = new StreamReader(zip.GetEntry("metadata")!.Open());
        Assert.Contains("OrigFilename : mimikatz.exe", await metadata.ReadToEndAsync(), StringComparison.Ordinal);

        var summary = await Client.GetJsonAsync("/api/v1/binary/7FB55F5A62E78AF9B58D08AAEEAEF848/summary");
        Assert.Equal("mimikatz.exe", (string?)summary["original_filename"]);
        Assert.Equal(zip.GetEntry("filedata")!.Length, (long)summary["orig_mod_len"]!);
    }

    [Fact]
    public async Task Unknown_binaries_are_404_on_every_binary_route()
    {
        foreach (var route in new[] { "", "/summary", "/icon" })
        {
            using var response = await Client.Http.GetAsync("/api/v1/binary/00000000000000000000000000000000" + route);
            Assert.Equal(404, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task The_icon_is_a_png()
    {
        using var response = await Client.Http.GetAsync("/api/v1/binary/79B6D4C5283FC806387C55B8D7C8B762/icon");
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Events_exist_for_every_event_api_version(int version)
    {
        var netY = (await Client.GetJsonAsync(NetUseQuery))["results"]![0]!;
        var process = (await Client.GetJsonAsync($"/api/v{version}/process/{(string)netY["id"]!}/1/event"))["process"]!;
        var modloads = process["modload_complete"]!.AsArray();
        Assert.Equal(4, modloads.Count);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}\|[0-9a-f]{32}\|c:\\windows\\system32\\ntdll\.dll", (string)modloads[0]!);
        var netconn = process["netconn_complete"]![0]!;
        switch (version)
        {
            case 1:
                Assert.Equal(6, ((string)netconn!).Split('|').Length);
                Assert.EndsWith("|445|6|test|true", (string)netconn!, StringComparison.Ordinal);
                break;
            case 2 or 3:
                Assert.Equal(167_772_722, (int)netconn["remote_ip"]!);
                Assert.Equal("true", (string?)netconn["direction"]);
                break;
            default:
                Assert.Equal("10.0.2.50", (string?)netconn["remote_ip"]);
                break;
        }

        var shell = (await Client.GetJsonAsync($"/api/v{version}/process/{ParentChain[0].Id}/1/event"))["process"]!;
        var children = shell["childproc_complete"]!.AsArray();
        Assert.Equal(4, children.Count); // start and end of each net.exe
        if (version <= 2)
        {
            Assert.Equal(7, ((string)children[0]!).Split('|').Length);
        }
        else
        {
            Assert.Equal("start", (string?)children[0]!["type"]);
            Assert.StartsWith("00000003-0000-0a9c-", (string)children[0]!["processId"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Process_segments_list_the_unique_id()
    {
        var segments = await Client.GetJsonAsync($"/api/v1/process/{ParentChain[0].Id}/segment");
        var uniqueId = (string)segments["process"]!["segments"]![0]!["unique_id"]!;
        Assert.StartsWith(ParentChain[0].Id + "-", uniqueId, StringComparison.Ordinal);
        Assert.Equal(49, uniqueId.Length);
    }

    [Fact]
    public async Task Paging_walks_every_result_once()
    {
        var first = await Client.GetJsonAsync("/api/v1/process?q=hostname%3AWIN-IA9NQ1GN8OI&rows=4&start=0&sort=start+asc");
        var total = (int)first["total_results"]!;
        Assert.Equal(11, total); // the placeholder, the eight-level chain and the two net.exe processes
        var ids = new List<string>();
        for (var start = 0; start < total; start += 4)
        {
            var page = await Client.GetJsonAsync($"/api/v1/process?q=hostname%3AWIN-IA9NQ1GN8OI&rows=4&start={start}&sort=start+asc");
            Assert.Equal(start, (int)page["start"]!);
            Assert.Equal(total, (int)page["total_results"]!);
            ids.AddRange(page["results"]!.AsArray().Select(r => (string)r!["id"]!));
        }

        Assert.Equal(total, ids.Distinct().Count());
        var beyond = await Client.GetJsonAsync($"/api/v1/process?q=hostname%3AWIN-IA9NQ1GN8OI&rows=4&start={total}");
        Assert.Empty(beyond["results"]!.AsArray());
    }

    [Fact]
    public async Task Search_accepts_a_post_body_with_list_values()
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/process", new JsonObject
        {
            ["q"] = new JsonArray("process_name:net.exe cmdline:\\\\test\\blah"),
            ["rows"] = 10,
            ["start"] = 0,
            ["facet"] = new JsonArray("false"),
            ["cb.urlver"] = new JsonArray("1"),
        });
        Assert.Equal(200, status);
        Assert.Equal(2, (int)body!["total_results"]!);
    }

    [Fact]
    public async Task A_malformed_query_is_400_query_malformed_syntax()
    {
        using var response = await Client.Http.GetAsync("/api/v1/process?q=%28process_name%3Anet.exe");
        Assert.Equal(400, (int)response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("query_malformed_syntax", (string?)body["reason"]);
    }
}
