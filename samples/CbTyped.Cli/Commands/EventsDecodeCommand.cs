using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CbTyped.Cli.Infrastructure;
using CbTyped.Events;
using CbTyped.Events.Decoding;
using CbTyped.Events.JsonEvents;
using CbTyped.Events.RawEvents;
using Google.Protobuf;

namespace CbTyped.Cli.Commands;

/// <summary>
/// <c>cbtyped events decode</c>: decodes saved message bodies and prints one JSON line per message (a bundle: one per
/// record). A file that does not decode is reported on standard error and the command goes on with the rest, then
/// exits 1.
/// </summary>
internal static class EventsDecodeCommand
{
    private const long MaxFileBytes = 256L * 1024 * 1024;

    private static readonly JsonFormatter ProtoJson = new(JsonFormatter.Settings.Default.WithPreserveProtoFieldNames(true));

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CommandRunner runner)
    {
        var key = new Option<string>("--routing-key", "-k") { Description = "The routing key the bodies were published with, e.g. ingress.event.process.", Required = true };
        var contentType = new Option<string>("--content-type", "-t")
        {
            Description = "application/json, application/protobuf or application/zip.",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "raw: the protobuf message in protobuf's JSON mapping (proto field names), or a JSON body as sent; event: the typed event's JSON (raw sensor events as the event forwarder writes them).",
            DefaultValueFactory = _ => "event",
        };
        format.AcceptOnlyFromAmong("raw", "event");
        var exchange = new Option<string>("--exchange")
        {
            Description = $"The exchange the bodies came from; {CbEventDecoder.RawSensorDataExchange} reads application/protobuf as a bundle.",
            DefaultValueFactory = _ => "api.events",
        };
        var serverUrl = new Option<string?>("--server-url") { Description = "The console URL (https://host/): raw sensor events then carry the forwarder's link_* keys." };
        var files = new Argument<string[]>("file") { Description = "Files holding one message body each.", Arity = ArgumentArity.OneOrMore };
        var decode = new Command("decode", "Decode saved message bodies: one JSON line per message (per record of a bundle).")
        {
            key, contentType, format, exchange, serverUrl, files,
        };
        runner.SetAction(decode, c => Task.FromResult(Run(c, c.Get(key), c.Get(contentType), c.Get(format) == "raw", c.Get(exchange), c.Get(serverUrl), c.Get(files))));
        return decode;
    }

    private static int Run(CommandContext context, string routingKey, string contentType, bool raw, string exchange, string? serverUrl, string[] files)
    {
        Uri? url = null;
        if (serverUrl is not null && (!Uri.TryCreate(serverUrl, UriKind.Absolute, out url) || url.Scheme is not ("https" or "http")))
            throw new CliUsageException("--server-url must be the console's http(s)://host/ URL.");
        var decoder = new CbEventDecoder(new CbEventDecoderOptions { ServerUrl = url });
        var output = context.Output.Output;
        var failed = 0;
        foreach (var file in files)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                var body = Read(file);
                var message = new CbBusMessage(routingKey, contentType, body) { Exchange = exchange };
                var lines = new List<string>();
                foreach (var evt in decoder.Decode(message))
                    lines.Add(Line(evt, raw));
                foreach (var line in lines)
                    output.WriteLine(line);
            }
            catch (Exception e) when (e is CbEventDecodeException or IOException or UnauthorizedAccessException or NotAnEventException)
            {
                failed++;
                context.Output.Error.WriteLine($"cbtyped: {file}: {e.Message}");
            }
        }
        output.Flush();
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static byte[] Read(string file)
    {
        using var stream = File.OpenRead(file);
        if (stream.Length > MaxFileBytes)
            throw new IOException($"{stream.Length} bytes is more than a message body can be ({MaxFileBytes}).");
        var body = new byte[stream.Length];
        stream.ReadExactly(body);
        return body;
    }

    private static string Line(CbBusEvent evt, bool raw) => evt switch
    {
        CbRawSensorEvent sensor when raw => Compact(ProtoJson.Format(sensor.Raw)),
        CbRawSensorEvent sensor => sensor.ToJson(),
        CbJsonEvent json when raw => Compact(json.Json),
        CbJsonEvent json => json.ToJson(),
        _ => throw new NotAnEventException($"not an event the decoder knows (routing key '{evt.RoutingKey}', content type '{evt.Message.ContentType}')"),
    };

    /// <summary>JsonFormatter puts spaces between tokens; a JSON line is written without them.</summary>
    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Compact(document.RootElement);
    }

    private static string Compact(JsonElement json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            json.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private sealed class NotAnEventException(string message) : Exception(message);
}
