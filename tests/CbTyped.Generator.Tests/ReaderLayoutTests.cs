using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CbTyped.Modeling.Json;
using CbTyped.Tests.Golden;
using Xunit;
using static CbTyped.Generator.Tests.Harness.ModelJson;

namespace CbTyped.Generator.Tests;

/// <summary>
/// The reader's fast paths (the expected member's separator-name-colon pattern, the array-backed token read) give the
/// same values as the general path, whatever the layout, order and backing memory of the document.
/// </summary>
public class ReaderLayoutTests
{
    private static readonly JsonObject ProcessRow = new()
    {
        ["id"] = "00000001-0000-0b2c-01d3-1f8c2d3a4b5c",
        ["segment_id"] = 1504012355063L,
        ["unique_id"] = "00000001-0000-0b2c-01d3-1f8c2d3a4b5c-015e2e3b9a77",
        ["parent_unique_id"] = "00000001-0000-0a10-01d3-000000000001-000000000001",
        ["sensor_id"] = 17,
        ["process_name"] = "powershell.exe",
        ["path"] = "c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe",
        ["cmdline"] = "powershell.exe -Command \"Get-Process | Out-File c:\\temp\\p.txt\"",
        ["hostname"] = "WIN7-HYPERV-2",
        ["start"] = "2017-08-28T18:35:57.663Z",
        ["last_update"] = "2017-08-28T18:40:57Z",
        ["process_pid"] = 5812,
        ["terminated"] = true,
        ["comms_ip"] = -1062731420,
        ["watchlists"] = new JsonArray(new JsonObject { ["wid"] = "5", ["value"] = "2016-05-20T07:30:05.2Z" }),
    };

    public static TheoryData<string> Layouts => new()
    {
        "compact",
        "python",
        "indented",
        "reversed",
        "unknown members between",
        "escaped names",
        "near-miss names",
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_process_row_reads_the_same_in_every_layout(string layout)
    {
        Process process = Load<Process>(Layout(ProcessRow, layout));

        AssertProcessRow(process);
        Assert.False(process.IsDirty);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void A_process_row_reads_the_same_from_memory_that_is_not_an_array(string layout)
    {
        byte[] json = Encoding.UTF8.GetBytes(Layout(ProcessRow, layout));
        ReadOnlyMemory<byte> memory = new OpaqueMemory(json).Memory;
        Assert.False(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out ArraySegment<byte> _));
        Process process = Process.ModelInfo.CreateNew();

        process.LoadJson(memory);

        AssertProcessRow(process);
    }

    [Fact]
    public void Unknown_members_between_known_ones_are_kept_in_order()
    {
        Process process = Load<Process>(Layout(ProcessRow, "unknown members between"));

        var unknown = process.GetUnknownFields();
        Assert.Equal(["x_0", "x_1", "x_2"], unknown.Take(3).Select(p => p.Key));
        Assert.Equal("\"segment_idx\"", unknown.Single(p => p.Key == "x_1").Value);
    }

    [Fact]
    public void A_member_whose_name_extends_the_expected_one_is_not_taken_for_it()
    {
        // "segment_idx" starts with the expected "segment_id": the pattern includes the closing quote and the colon.
        Process alone = Load<Process>("""{"id": "a", "segment_idx": 9, "unique_idx": "no"}""");
        Process compact = Load<Process>("""{"id":"a","segment_idx":9,"unique_idx":"no"}""");
        Process followed = Load<Process>("""{"id": "a", "segment_idx": 9, "segment_id": 2, "unique_idx": "no", "unique_id": "u"}""");

        Assert.Null(alone.SegmentId);
        Assert.Null(alone.UniqueId);
        Assert.Null(compact.SegmentId);
        Assert.Null(compact.UniqueId);
        Assert.Equal(2L, followed.SegmentId);
        Assert.Equal("u", followed.UniqueId);
        Assert.Equal(["segment_idx", "unique_idx"], followed.GetUnknownFields().Select(p => p.Key));
    }

    [Theory]
    [InlineData("compact")]
    [InlineData("python")]
    public void A_name_longer_than_the_vector_pattern_is_still_matched(string layout)
    {
        // "os_environment_display_string" makes a 35-byte pattern: compared byte by byte, not with the 32-byte vector.
        var sensor = new JsonObject
        {
            ["id"] = 3,
            ["notes"] = "n",
            ["os_environment_display_string"] = "Windows 7 Professional Service Pack 1, 32-bit",
            ["extra"] = 1,
        };

        Sensor read = Load<Sensor>(Layout(sensor, layout));

        Assert.Equal(3, read.Id);
        Assert.Equal("n", read.Notes);
        Assert.Equal("Windows 7 Professional Service Pack 1, 32-bit", read.OsEnvironmentDisplayString);
        Assert.Equal(["extra"], read.GetUnknownFields().Select(p => p.Key));
    }

    [Fact]
    public void A_page_in_the_server_layout_reads_every_row()
    {
        string rows = string.Join(", ", Enumerable.Range(0, 5).Select(i =>
        {
            JsonObject row = (JsonObject)ProcessRow.DeepClone();
            row["process_pid"] = i;
            return Layout(row, "python");
        }));
        byte[] page = Encoding.UTF8.GetBytes("{\"results\": [" + rows + "], \"total_results\": 5, \"start\": 0}");

        CbPage<Process> read = CbSearchPageReader.Read<Process>(page);

        Assert.Equal([0, 1, 2, 3, 4], read.Values.Select(p => p.ProcessPid ?? -1));
        Assert.All(read.Values, p => Assert.Equal("powershell.exe", p.ProcessName));
    }

    [Fact]
    public void Duplicate_members_are_still_detected_on_the_fast_path()
    {
        // The later duplicate wins for reading; the writer then falls back to member-by-member output.
        Process process = Load<Process>("""{"id": "a", "segment_id": 1, "segment_id": 2}""");

        Assert.Equal(2L, process.SegmentId);
        process.ProcessName = "x";
        Assert.Equal("x", JsonNode.Parse(process.ToUtf8Json())!["process_name"]!.GetValue<string>());
    }

    public static TheoryData<string> NonAsciiText => new()
    {
        "é",                                               // alone
        "WIN7-é",                                          // at the end of a short string (scalar tail)
        "éWIN7-HYPERV-2",                                  // at the start
        "c:\\users\\jürgen\\appdata\\local\\temp\\x.exe", // after escapes, past the first 32 bytes
        "0123456789012345678901234567890123456789€",       // past the first 32-byte block
        "日本語のホスト名",                                       // every byte non-ASCII
        "line\u2028break \"quoted\" ü",                   // escapes and non-ASCII mixed
    };

    [Theory]
    [MemberData(nameof(NonAsciiText))]
    public void Non_ascii_strings_read_as_their_text_in_the_server_layout_and_in_others(string text)
    {
        // The scanner classes a string with a non-ASCII byte as needing decoding; the plain ASCII shape is widened as is.
        JsonObject row = (JsonObject)ProcessRow.DeepClone();
        row["hostname"] = text;
        row["process_name"] = text + "x";
        foreach (string layout in new[] { "python", "compact", "indented", "reversed" })
        {
            Process process = Load<Process>(Layout(row, layout));

            Assert.Equal(text, process.Hostname);
            Assert.Equal(text + "x", process.ProcessName);
            Assert.Equal(5812, process.ProcessPid); // the members after it are still found
        }
    }

    [Fact]
    public void A_malformed_escape_on_the_fast_path_is_the_field_error()
    {
        Process process = Load<Process>("""{"id": "a", "unique_id": "b", "segment_id": 1, "process_name": "bad \q escape", "process_pid": 5}""");

        var error = Assert.Throws<CbJsonException>(() => process.ProcessName);
        Assert.Contains("process_name", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a JSON escape", error.Message, StringComparison.Ordinal);
        Assert.Equal(5, process.ProcessPid);
    }

    [Fact]
    public void Values_outside_the_plain_shapes_take_the_full_readers()
    {
        // Numbers as strings, an epoch timestamp, "1" for true, a one-element array: not the plain shapes.
        Process process = Load<Process>("""{"id": "a", "segment_id": "42", "process_pid": [7], "terminated": "1", "start": 1503945357, "sensor_id": null}""");

        Assert.Equal(42L, process.SegmentId);
        Assert.Equal(7, process.ProcessPid);
        Assert.True(process.Terminated);
        Assert.Equal(new DateTimeOffset(2017, 8, 28, 18, 35, 57, TimeSpan.Zero), process.Start);
        Assert.Null(process.SensorId);
    }

    private static void AssertProcessRow(Process process)
    {
        Assert.Equal("00000001-0000-0b2c-01d3-1f8c2d3a4b5c", process.Id);
        Assert.Equal(1504012355063L, process.SegmentId);
        Assert.Equal("00000001-0000-0b2c-01d3-1f8c2d3a4b5c-015e2e3b9a77", process.UniqueId);
        Assert.Equal("00000001-0000-0a10-01d3-000000000001-000000000001", process.ParentUniqueId);
        Assert.Equal(17, process.SensorId);
        Assert.Equal("powershell.exe", process.ProcessName);
        Assert.Equal("c:\\windows\\system32\\windowspowershell\\v1.0\\powershell.exe", process.ProcessPath);
        Assert.Equal("powershell.exe -Command \"Get-Process | Out-File c:\\temp\\p.txt\"", process.Cmdline);
        Assert.Equal("WIN7-HYPERV-2", process.Hostname);
        Assert.Equal(new DateTimeOffset(2017, 8, 28, 18, 35, 57, 663, TimeSpan.Zero), process.Start);
        Assert.Equal(new DateTimeOffset(2017, 8, 28, 18, 40, 57, TimeSpan.Zero), process.LastUpdate);
        Assert.Equal(5812, process.ProcessPid);
        Assert.True(process.Terminated);
        Assert.Equal(-1062731420, process.CommsIp);
        var hit = Assert.Single(process.Watchlists!);
        Assert.Equal(new DateTimeOffset(2016, 5, 20, 7, 30, 5, 200, TimeSpan.Zero), hit.Value);
    }

    /// <summary>The object written in one of <see cref="Layouts"/>.</summary>
    private static string Layout(JsonObject source, string layout)
    {
        var members = source.Select(p => (Name: p.Key, Value: p.Value!.ToJsonString())).ToList();
        switch (layout)
        {
            case "compact":
                return "{" + string.Join(",", members.Select(m => Quote(m.Name) + ":" + m.Value)) + "}";
            case "python":
                return "{" + string.Join(", ", members.Select(m => Quote(m.Name) + ": " + m.Value)) + "}";
            case "indented":
                return source.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            case "reversed":
                members.Reverse();
                return "{" + string.Join(", ", members.Select(m => Quote(m.Name) + ": " + m.Value)) + "}";
            case "unknown members between":
                return "{" + string.Join(", ", members.Select((m, i) =>
                    $"\"x_{i}\": \"{(i == 1 ? "segment_idx" : "filler")}\", " + Quote(m.Name) + ": " + m.Value)) + "}";
            case "escaped names":
                // Every name's first character as a \u escape: the patterns never match, the general path reads them.
                return "{" + string.Join(", ", members.Select(m => $"\"\\u{(int)m.Name[0]:x4}{m.Name[1..]}\": " + m.Value)) + "}";
            case "near-miss names":
                // A decoy before each member: the same name with one more letter.
                return "{" + string.Join(", ", members.Select(m => Quote(m.Name + "x") + ": 0, " + Quote(m.Name) + ": " + m.Value)) + "}";
            default:
                throw new ArgumentOutOfRangeException(nameof(layout));
        }
    }

    private static string Quote(string name) => "\"" + name + "\"";

    /// <summary>Memory with no array behind it as far as <see cref="System.Runtime.InteropServices.MemoryMarshal.TryGetArray{T}"/> can tell.</summary>
    private sealed class OpaqueMemory(byte[] data) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan() => data;

        public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
