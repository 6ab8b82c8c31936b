using System.Text;
using System.Text.Json.Nodes;
using CbTyped.Modeling;
using CbTyped.Tests.Golden;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>Reading then writing keeps every field the spec does not know, with its value; changed fields are re-encoded.</summary>
public class RoundTripTests
{
    // A real-looking sensor with members the spec does not declare (emet_*, nested objects, arrays, escapes, unicode,
    // exponent numbers, null), in Python's json.dumps layout (", " and ": ").
    private const string SensorJson = """
        {"id": 1, "computer_name": "WIN7-HYPERV-2", "computer_sid": "S-1-5-21-1", "group_id": 1, "os_type": 1,
         "build_version_string": "006.000.002.70329", "status": "Online", "uptime": "2166755",
         "last_checkin_time": "2018-02-06 12:44:33.883886-06:00", "network_adapters": "192.168.1.163,00155d019c08|",
         "network_isolation_enabled": false, "emet_report_setting": {"dump": [1, 2, {"deep": "x\"y\\z"}], "ratio": 1.5e3},
         "notes": null, "md5": "ABC", "display_name": "caf\u00e9 \u2603 \ud83d\ude00", "event_log_flush_time": null,
         "primary_interface": {"ipaddr": "10.0.0.1", "macaddr": "aa", "kind": "wired", "mtu": 1500, "vendor": {"name": "Intel"}},
         "network_interfaces": [{"ipaddr": "10.0.0.1", "macaddr": "aa", "dhcp": true}], "sensor_health_status": 95}
        """;

    private static Sensor Load(string json)
    {
        var sensor = Sensor.ModelInfo.CreateNew();
        Sensor.ModelInfo.Populate(sensor, Encoding.UTF8.GetBytes(json));
        return sensor;
    }

    private static JsonNode Parse(byte[] utf8) => JsonNode.Parse(utf8)!;

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    [Fact]
    public void An_unchanged_model_writes_back_every_member_with_its_value()
    {
        var sensor = Load(SensorJson);
        _ = sensor.ComputerName; // reading decodes and caches, but must not change what is written

        byte[] written = sensor.ToUtf8Json();

        Assert.True(JsonNode.DeepEquals(Parse(SensorJson), Parse(written)), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Unknown_members_keep_their_exact_bytes_and_order_when_a_known_field_changes()
    {
        var sensor = Load(SensorJson);
        sensor.GroupId = 7;
        sensor.ComputerName = "renamed";

        string written = Encoding.UTF8.GetString(sensor.ToUtf8Json());

        JsonNode expected = Parse(SensorJson);
        expected["group_id"] = 7;
        expected["computer_name"] = "renamed";
        Assert.True(JsonNode.DeepEquals(expected, Parse(written)), written);
        // The values' bytes are kept exactly (escapes, spacing inside them, the exponent); between a name and its
        // value the writer may keep the server's ": " (members copied in runs) or write ":".
        Assert.Matches(@"""emet_report_setting"": ?\{""dump"": \[1, 2, \{""deep"": ""x\\""y\\\\z""\}\], ""ratio"": 1\.5e3\}", written);
        Assert.Matches(@"""display_name"": ?""caf\\u00e9 \\u2603 \\ud83d\\ude00""", written);
        Assert.True(written.IndexOf("\"computer_sid\"", StringComparison.Ordinal) < written.IndexOf("\"group_id\":7", StringComparison.Ordinal));
        Assert.True(written.IndexOf("\"computer_name\":\"renamed\"", StringComparison.Ordinal) < written.IndexOf("\"computer_sid\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_are_listed_with_their_raw_values()
    {
        var sensor = Load(SensorJson);
        var unknown = sensor.GetUnknownFields().ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("\"S-1-5-21-1\"", unknown["computer_sid"]);
        Assert.Equal("1", unknown["os_type"]);
        Assert.Equal("null", unknown["event_log_flush_time"]);
        Assert.Equal("{\"dump\": [1, 2, {\"deep\": \"x\\\"y\\\\z\"}], \"ratio\": 1.5e3}", unknown["emet_report_setting"]);
        Assert.DoesNotContain("computer_name", unknown.Keys);
        Assert.Equal(7, unknown.Count);
    }

    [Fact]
    public void A_nested_object_changed_in_place_is_written_with_its_own_unknown_fields()
    {
        var sensor = Load(SensorJson);
        Assert.False(sensor.IsDirty);

        sensor.PrimaryInterface!.Ipaddr = "10.0.0.2";

        Assert.True(sensor.IsDirty);
        Assert.Equal(["primary_interface"], sensor.GetDirtyFields());
        JsonNode written = Parse(sensor.ToUtf8Json());
        Assert.Equal("10.0.0.2", (string?)written["primary_interface"]!["ipaddr"]);
        Assert.Equal(1500, (int)written["primary_interface"]!["mtu"]!);
        Assert.Equal("Intel", (string?)written["primary_interface"]!["vendor"]!["name"]);
        Assert.Equal("wired", (string?)written["primary_interface"]!["kind"]);
    }

    [Fact]
    public void Create_mode_leaves_out_read_only_fields_and_a_server_chosen_key()
    {
        var sensor = Load(SensorJson);
        sensor.GroupId = 2;

        JsonNode created = Parse(sensor.ToUtf8Json(CbWriteMode.Create));

        Assert.Null(created["id"]);
        Assert.Equal(2, (int)created["group_id"]!);
        Assert.Equal("S-1-5-21-1", (string?)created["computer_sid"]);
    }

    [Fact]
    public void Create_mode_sends_a_client_chosen_key()
    {
        var user = User.ModelInfo.CreateNew();
        user.Username = "jdoe";
        user.FirstName = "J";

        JsonNode created = Parse(user.ToUtf8Json(CbWriteMode.Create));

        Assert.True(JsonNode.DeepEquals(Parse("""{"username":"jdoe","first_name":"J"}"""), created));
    }

    [Fact]
    public void Changes_mode_writes_only_changed_fields()
    {
        var sensor = Load(SensorJson);
        sensor.Notes = "isolated for triage";

        Assert.Equal("""{"notes":"isolated for triage"}""", Encoding.UTF8.GetString(sensor.ToUtf8Json(CbWriteMode.Changes)));
    }

    [Fact]
    public void A_new_model_writes_only_what_was_set()
    {
        var group = SensorGroup.ModelInfo.CreateNew();
        group.Name = "Servers";
        group.SiteId = 1;

        Assert.True(group.IsNew);
        Assert.Equal("""{"name":"Servers","site_id":1}""", Encoding.UTF8.GetString(group.ToUtf8Json()));
    }

    [Fact]
    public void Clear_dirty_makes_current_values_the_baseline()
    {
        var sensor = Load(SensorJson);
        sensor.GroupId = 9;
        sensor.ClearDirty();

        Assert.False(sensor.IsDirty);
        Assert.Equal(9, sensor.GroupId);
        Assert.Equal(9, (int)Parse(sensor.ToUtf8Json())["group_id"]!);
        sensor.GroupId = 1;
        Assert.True(sensor.IsDirty);
    }

    [Fact]
    public void A_duplicate_member_is_written_once()
    {
        var group = SensorGroup.ModelInfo.CreateNew();
        SensorGroup.ModelInfo.Populate(group, """{"id":1,"name":"a","name":"b"}"""u8.ToArray());

        Assert.Equal("b", group.Name); // the last one wins, as in System.Text.Json, and the writer agrees with the reader
        Assert.Equal("""{"id":1,"name":"b"}""", Encoding.UTF8.GetString(group.ToUtf8Json()));
    }
}

/// <summary>
/// The full-mode writer copies members in runs broken at changed fields; the member-by-member writer (used for an
/// indented writer, duplicates and the other modes) walks the known fields' slots. Both must write the same JSON for
/// any member order, spacing, unknown members and set of changed fields.
/// </summary>
public class WriterPathTests
{
    private static readonly string[] Members =
    [
        "\"id\": 1", "\"computer_name\": \"WIN7\"", "\"group_id\": 3", "\"emet_x\": {\"a\": [1, {\"b\": \"}\"}]}",
        "\"status\": \"Online\"", "\"notes\": null", "\"odd\\\"name\": \"q\"", "\"network_isolation_enabled\": false",
        "\"uptime\": \"2166755\"", "\"tail_unknown\": [true, false]",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Both_writers_agree_for_any_order_spacing_and_changes(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 40; round++)
        {
            string[] members = Members.OrderBy(_ => random.Next()).ToArray();
            string separator = random.Next(3) switch { 0 => ",", 1 => ", ", _ => " ,\n  " };
            string json = "{" + (random.Next(2) == 0 ? "" : " ") + string.Join(separator, members) + (random.Next(2) == 0 ? "" : "\n") + "}";
            var sensor = Sensor.ModelInfo.CreateNew();
            Sensor.ModelInfo.Populate(sensor, Encoding.UTF8.GetBytes(json));
            JsonNode expected = JsonNode.Parse(json)!;
            if (random.Next(2) == 0)
            {
                sensor.ComputerName = "renamed";
                expected["computer_name"] = "renamed";
            }

            if (random.Next(2) == 0)
            {
                sensor.GroupId = 9;
                expected["group_id"] = 9;
            }

            if (random.Next(2) == 0)
            {
                sensor.Notes = "n";
                expected["notes"] = "n";
            }

            if (random.Next(2) == 0)
            {
                sensor.NetworkIsolationEnabled = true;
                expected["network_isolation_enabled"] = true;
            }

            string compact = Write(sensor, indented: false);
            string indented = Write(sensor, indented: true);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(compact)), json + " => " + compact);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(indented)), json + " => " + indented);
            Assert.Equal(OrderOf(JsonNode.Parse(compact)!), OrderOf(JsonNode.Parse(indented)!));
        }
    }

    [Fact]
    public void Earlier_duplicates_of_a_changed_field_are_dropped()
    {
        var sensor = Sensor.ModelInfo.CreateNew();
        Sensor.ModelInfo.Populate(sensor, """{"notes": "a", "x": 1, "notes": "b", "group_id": 2}"""u8.ToArray());
        sensor.GroupId = 3;

        Assert.Equal("""{"x":1,"notes":"b","group_id":3}""", Write(sensor, indented: false));
    }

    private static string[] OrderOf(JsonNode node) => node.AsObject().Select(p => p.Key).ToArray();

    private static string Write(Sensor sensor, bool indented)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = indented }))
        {
            sensor.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
