using System.Text;
using System.Text.Json;
using CbTyped.Cli;
using Google.Protobuf;

namespace CbTyped.Events.Tests.Decoding;

public sealed class EventsDecodeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cbtyped-decode-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Save(string name, byte[] body)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, body);
        return path;
    }

    private static async Task<(int Code, string[] Lines, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error, errorIsTerminal: false);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Fact]
    public async Task Raw_format_is_protobufs_json_mapping_with_proto_field_names_and_no_defaults()
    {
        var file = Save("process.pb", SampleEvents.ProcessStart().ToByteArray());
        var (code, lines, error) = await RunAsync("events", "decode", "--routing-key", "ingress.event.process", "--content-type", "application/protobuf", "--format", "raw", file);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(Assert.Single(lines));
        var header = json.RootElement.GetProperty("header");
        Assert.Equal(4, header.GetProperty("version").GetInt32());
        Assert.Equal(SampleEvents.Time.ToString(System.Globalization.CultureInfo.InvariantCulture), header.GetProperty("timestamp").GetString()); // int64 as text
        Assert.Equal(Convert.ToBase64String(SampleEvents.Md5), header.GetProperty("process_md5").GetString());                            // bytes as base64
        Assert.False(header.TryGetProperty("magic", out _)); // not on the wire: its default is not printed
        Assert.True(json.RootElement.GetProperty("process").GetProperty("created").GetBoolean());
        Assert.Equal("WIN-HOST", json.RootElement.GetProperty("env").GetProperty("endpoint").GetProperty("SensorHostName").GetString());
        Assert.DoesNotContain(": ", lines[0], StringComparison.Ordinal); // one compact line
    }

    [Fact]
    public async Task A_server_url_adds_the_forwarders_links_and_a_bad_one_is_a_usage_error()
    {
        var file = Save("process.pb", SampleEvents.ProcessStart().ToByteArray());
        var (code, lines, _) = await RunAsync("events", "decode", "-k", "ingress.event.process", "-t", "application/protobuf", "--server-url", "https://cb.example.com", file);
        Assert.Equal(0, code);
        using (var json = JsonDocument.Parse(Assert.Single(lines)))
            Assert.Equal("https://cb.example.com/#analyze/00000007-0000-1234-01d2-3456789abcde/0", json.RootElement.GetProperty("link_process").GetString());
        var (badCode, _, error) = await RunAsync("events", "decode", "-k", "ingress.event.process", "-t", "application/protobuf", "--server-url", "not a url", file);
        Assert.Equal(2, badCode);
        Assert.Contains("--server-url", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_format_prints_one_forwarder_line_per_bundle_record_and_a_bad_file_fails_after_the_rest()
    {
        var zip = Save("bundle.zip", SampleEvents.Zip(SampleEvents.Bundle(SampleEvents.ProcessStart(), SampleEvents.RegMod()), SampleEvents.Bundle(SampleEvents.FileMod())));
        var bad = Save("bad.zip", Encoding.ASCII.GetBytes("PK\u0003\u0004 not really"));
        var alsoGood = Save("again.zip", SampleEvents.Zip(SampleEvents.Bundle(SampleEvents.RegMod())));
        var (code, lines, error) = await RunAsync("events", "decode", "-k", "", "-t", "application/zip", zip, bad, alsoGood);
        Assert.Equal(1, code);
        Assert.Equal(["ingress.event.procstart", "ingress.event.regmod", "ingress.event.filemod", "ingress.event.regmod"],
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("type").GetString()));
        Assert.Contains("bad.zip", error, StringComparison.Ordinal);
        Assert.Contains("zip", error[error.IndexOf("bad.zip", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.DoesNotContain("again.zip", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_json_body_prints_its_typed_event_and_an_unknown_key_is_an_error()
    {
        var file = Save("hit.json", """{"watchlist_id":"12","watchlist_name":"w","event_timestamp":1455825468.5,"docs":[],"new_field":[1]}"""u8.ToArray());
        var (code, lines, _) = await RunAsync("events", "decode", "-k", "watchlist.hit.binary", "-t", "application/json", file);
        Assert.Equal(0, code);
        using (var json = JsonDocument.Parse(Assert.Single(lines)))
        {
            // The body through its generated model: every member as sent, the ones its spec does not name included.
            Assert.Equal("12", json.RootElement.GetProperty("watchlist_id").GetString());
            Assert.Equal(1, json.RootElement.GetProperty("new_field")[0].GetInt32());
        }

        var (unknownCode, unknownLines, unknownError) = await RunAsync("events", "decode", "-k", "future.thing", "-t", "application/json", file);
        Assert.Equal(1, unknownCode);
        Assert.Empty(unknownLines);
        Assert.Contains("hit.json", unknownError, StringComparison.Ordinal);
    }
}
