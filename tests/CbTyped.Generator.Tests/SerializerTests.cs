using System.Text.Json.Nodes;
using CbTyped.Modeling.Json;
using CbTyped.Tests.Golden;
using Xunit;
using static CbTyped.Generator.Tests.Harness.ModelJson;

namespace CbTyped.Generator.Tests;

/// <summary>The generated readers tolerate Cb Response's type quirks.</summary>
public class SerializerTests
{
    [Fact]
    public void Numbers_sent_as_strings_are_read_and_changed_values_go_back_as_strings()
    {
        var sensor = Load<Sensor>("""{"id":1,"uptime":"2166755","sensor_health_status":"95.5","group_id":" 3 "}""");

        Assert.Equal(2166755L, sensor.Uptime);
        Assert.Equal(95.5, sensor.SensorHealthStatus);
        Assert.Equal(3, sensor.GroupId);

        sensor.Uptime = 12;
        Assert.Equal("\"12\"", JsonNode.Parse(sensor.ToUtf8Json())!["uptime"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"id":7}""")]
    [InlineData("""{"id":"7"}""")]
    [InlineData("""{"id":7.0}""")]
    [InlineData("""{"id":[7]}""")]
    public void Ids_may_be_numbers_strings_or_one_element_arrays(string json)
    {
        Assert.Equal(7, Load<Sensor>(json).Id);
    }

    [Theory]
    [InlineData("2147483647", 2147483647)]
    [InlineData("-2147483648", -2147483648)]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("12.0", 12)]
    [InlineData("1e3", 1000)]
    public void Int32_fields_read_every_integer_in_range(string json, int expected)
    {
        Assert.Equal(expected, Load<Sensor>("{\"group_id\":" + json + "}").GroupId);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("12.5")]
    [InlineData("-")]
    public void Int32_fields_refuse_what_is_not_a_32_bit_integer(string json)
    {
        var sensor = Load<Sensor>("{\"group_id\":" + json + "}");
        Assert.Throws<CbJsonException>(() => sensor.GroupId);
    }

    [Theory]
    [InlineData("999999999999999999", 999999999999999999L)] // 18 digits: the inlined digit loop
    [InlineData("9223372036854775807", long.MaxValue)] // 19 digits: the general parser
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("\"2166755\"", 2166755L)]
    public void Int64_fields_read_every_integer_in_range(string json, long expected)
    {
        Assert.Equal(expected, Load<Sensor>("{\"uptime\":" + json + "}").Uptime);
    }

    [Theory]
    [InlineData("9223372036854775808")]
    [InlineData("1e19")]
    public void Int64_fields_refuse_numbers_beyond_their_range(string json)
    {
        var sensor = Load<Sensor>("{\"uptime\":" + json + "}");
        Assert.Throws<CbJsonException>(() => sensor.Uptime);
    }

    [Fact]
    public void A_string_field_sent_as_a_number_reads_as_its_text()
    {
        Assert.Equal("12345", Load<Process>("""{"id":12345,"segment_id":"1"}""").Id);
        Assert.Equal("12345/1", Load<Process>("""{"id":12345,"segment_id":"1"}""").GetKeyString());
    }

    [Fact]
    public void A_one_element_array_is_read_as_the_single_object_it_holds()
    {
        var group = Load<SensorGroup>("""[{"id":1,"name":"Default Group","site_id":1}]""");
        Assert.Equal("Default Group", group.Name);

        var sensor = Load<Sensor>("""{"primary_interface":[{"ipaddr":"10.1.1.1"}]}""");
        Assert.Equal("10.1.1.1", sensor.PrimaryInterface!.Ipaddr);
    }

    [Fact]
    public void A_single_value_where_a_list_is_expected_is_a_one_element_list()
    {
        Assert.Equal([4], Load<Sensor>("""{"groups":4}""").Groups!);
        Assert.Equal([1, 2, 3], Load<Sensor>("""{"groups":[1,"2",3.0]}""").Groups!);
    }

    public static TheoryData<string, DateTimeOffset?> Dates => new()
    {
        { "\"2016-06-04T08:35:03.38Z\"", new DateTimeOffset(2016, 6, 4, 8, 35, 3, 380, TimeSpan.Zero) },
        { "\"2017-08-28T18:35:57.663Z\"", new DateTimeOffset(2017, 8, 28, 18, 35, 57, 663, TimeSpan.Zero) },
        { "\"2016-04-12T09:21:00Z\"", new DateTimeOffset(2016, 4, 12, 9, 21, 0, TimeSpan.Zero) },
        { "\"2016-04-12T09:21:00.123456Z\"", new DateTimeOffset(2016, 4, 12, 9, 21, 0, TimeSpan.Zero).AddTicks(1234560) },
        { "\"2016-04-12T09:21:00.1234567891Z\"", new DateTimeOffset(2016, 4, 12, 9, 21, 0, TimeSpan.Zero).AddTicks(1234567) },
        { "\"2013-09-19 22:07:07.000000\"", new DateTimeOffset(2013, 9, 19, 22, 7, 7, TimeSpan.Zero) },
        { "\"2018-02-06 18:40:06.467689\"", new DateTimeOffset(2018, 2, 6, 18, 40, 6, TimeSpan.Zero).AddTicks(4676890) },
        { "\"2013-09-10 07:08:37.378860-07:00\"", new DateTimeOffset(2013, 9, 10, 7, 8, 37, TimeSpan.FromHours(-7)).AddTicks(3788600) },
        { "\"2018-02-06 12:44:33.883886+05:30\"", new DateTimeOffset(2018, 2, 6, 12, 44, 33, new TimeSpan(5, 30, 0)).AddTicks(8838860) },
        { "\"1970-01-01T00:00:00.000Z\"", DateTimeOffset.UnixEpoch },
        { "1517942688.4954", DateTimeOffset.UnixEpoch.AddTicks(15179426884954000) },
        { "1517942688", DateTimeOffset.UnixEpoch.AddSeconds(1517942688) },
        { "\"1517942688\"", DateTimeOffset.UnixEpoch.AddSeconds(1517942688) },
        { "\"Wed, 01 Jan 2020 00:00:00 GMT\"", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        { "\"2013-12-01\"", new DateTimeOffset(2013, 12, 1, 0, 0, 0, TimeSpan.Zero) },
        { "-1", null },
        { "\"-1\"", null },
        { "\"\"", null },
        { "null", null },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Every_Cb_date_format_is_read(string jsonValue, DateTimeOffset? expected)
    {
        DateTimeOffset? actual = Load<Sensor>("{\"last_checkin_time\":" + jsonValue + "}").LastCheckinTime;

        Assert.Equal(expected, actual);
        Assert.Equal(expected?.Offset, actual?.Offset);
    }

    [Fact]
    public void An_unparseable_date_throws_a_json_error_without_the_value()
    {
        var sensor = Load<Sensor>("""{"last_checkin_time":"next tuesday-ish"}""");
        var error = Assert.Throws<CbJsonException>(() => sensor.LastCheckinTime);
        Assert.DoesNotContain("tuesday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_date_is_written_in_the_shape_the_server_used()
    {
        var sensor = Load<Sensor>("""{"last_checkin_time":"2018-02-06 12:44:33.883886-06:00","registration_time":"2017-01-31T21:51:50Z"}""");
        sensor.LastCheckinTime = sensor.LastCheckinTime!.Value.AddSeconds(1);
        JsonNode written = JsonNode.Parse(sensor.ToUtf8Json())!;

        Assert.Equal("2018-02-06 12:44:34.883886-06:00", (string?)written["last_checkin_time"]);
        Assert.Equal("2017-01-31T21:51:50Z", (string?)written["registration_time"]);
    }

    [Fact]
    public void A_new_date_is_written_in_the_spec_format()
    {
        var sensor = Sensor.ModelInfo.CreateNew();
        sensor.LastCheckinTime = new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));
        sensor.CheckinHistory = [DateTimeOffset.FromUnixTimeSeconds(100)];
        JsonNode written = JsonNode.Parse(sensor.ToUtf8Json())!;

        Assert.Equal("2020-05-06 07:08:09.000000+02:00", (string?)written["last_checkin_time"]);
        Assert.Equal(100, (double)written["checkin_history"]![0]!);
    }

    [Fact]
    public void Unknown_enum_values_read_as_Unknown_and_are_written_back_unchanged()
    {
        var sensor = Load<Sensor>("""{"status":"Registered - Online","group_id":1}""");
        Assert.Equal(SensorStatus.Unknown, sensor.Status);

        sensor.GroupId = 2;
        Assert.Equal("Registered - Online", (string?)JsonNode.Parse(sensor.ToUtf8Json())!["status"]);
    }

    [Theory]
    [InlineData("\"Offline\"", SensorStatus.Offline)]
    [InlineData("\"offline\"", SensorStatus.Offline)]
    [InlineData("\"UNINSTALLED\"", SensorStatus.Uninstalled)]
    [InlineData("\"\"", SensorStatus.Unknown)]
    [InlineData("3", SensorStatus.Unknown)]
    public void Enum_values_match_exactly_then_ignoring_case(string json, SensorStatus expected)
    {
        Assert.Equal(expected, Load<Sensor>("{\"status\":" + json + "}").Status);
    }

    [Fact]
    public void Enum_values_with_spaces_map_to_their_members()
    {
        var sensor = Load<Sensor>("""{"primary_interface":{"kind":"virtual adapter"}}""");
        Assert.Equal(NetworkInterfaceKind.VirtualAdapter, sensor.PrimaryInterface!.Kind);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"False\"", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"1\"", true)]
    [InlineData("null", null)]
    public void Booleans_come_in_every_shape(string json, bool? expected)
    {
        Assert.Equal(expected, Load<Sensor>("{\"network_isolation_enabled\":" + json + "}").NetworkIsolationEnabled);
    }

    [Fact]
    public void Escaped_strings_are_decoded()
    {
        var process = Load<Process>("""{"path":"c:\\windows\\system32\\services.exe","cmdline":"\"C:\\Program Files\\x.exe\" \/s \u00e9\ud83d\ude00"}""");

        Assert.Equal(@"c:\windows\system32\services.exe", process.ProcessPath);
        Assert.Equal("\"C:\\Program Files\\x.exe\" /s é😀", process.Cmdline);
    }

    [Fact]
    public void Maps_guids_and_clr_types_are_read()
    {
        var sensor = Load<Sensor>("""{"tags":{"env":"prod","tier":"1"},"counters":{"a":"5","b":6},"uptime_span":"01:02:03","boot_id":"5c3d9a40-7f1e-4b3a-9a61-0c9a2f6e8d11"}""");

        Assert.Equal("prod", sensor.Tags!["env"]);
        Assert.Equal(5L, sensor.Counters!["a"]);
        Assert.Equal(new TimeSpan(1, 2, 3), sensor.UptimeSpan);
        Assert.Equal(Guid.Parse("5c3d9a40-7f1e-4b3a-9a61-0c9a2f6e8d11"), sensor.BootId);
    }

    [Fact]
    public void Absent_and_null_values_read_as_null_and_non_nullable_fields_as_empty()
    {
        var sensor = Load<Sensor>("""{"notes":null}""");

        Assert.Null(sensor.Notes);
        Assert.Null(sensor.GroupId);
        Assert.Equal("", sensor.Md5);
    }

    [Theory]
    [InlineData("""{"id":1,""")]
    [InlineData("""{"id":1 "group_id":2}""")]
    [InlineData("""{"id":}""")]
    [InlineData("""{"id":1,}""")]
    [InlineData("""{"id":"open}""")]
    [InlineData("""{"id":tru}""")]
    [InlineData("""[]""")]
    public void Malformed_documents_fail_when_loaded(string json)
    {
        Assert.Throws<CbJsonException>(() => Load<Sensor>(json));
    }

    [Fact]
    public void A_value_of_the_wrong_shape_fails_when_its_property_is_read()
    {
        var sensor = Load<Sensor>("""{"group_id":{"a":1},"computer_name":"ok"}""");

        Assert.Equal("ok", sensor.ComputerName);
        Assert.Throws<CbJsonException>(() => sensor.GroupId);
    }

    [Fact]
    public void Properties_decode_once_and_cache()
    {
        var process = Load<Process>("""{"process_name":"svchost.exe"}""");

        Assert.Same(process.ProcessName, process.ProcessName);
    }
}
