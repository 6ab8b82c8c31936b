using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Events;
using CbTyped.Events.Consumer;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped events tail</c>: prints bus events as they arrive; <c>events decode</c> is
/// <see cref="EventsDecodeCommand"/> (docs/events.md).</summary>
internal static class EventsCommands
{
    public static Command Create(CommandRunner runner)
    {
        var events = new Command("events", "The server's event bus (RabbitMQ): watchlist and feed hits, alerts, binaries, raw sensor events.");
        var keys = new Option<string[]>("--routing-key", "-k")
        {
            Description = "Bind this routing-key pattern (* one word, # any number); repeat for more. Default: #.",
            AllowMultipleArgumentsPerToken = false,
        };
        var amqp = new Option<string?>("--amqp")
        {
            Description = "The broker as amqp[s]://user:password@host:port/vhost; default: the profile's rabbitmq_* keys.",
        };
        var count = new Option<int?>("--count") { Description = "Stop after this many events." };
        var tail = new Command("tail", "Print events as they arrive: a table line each, or JSON Lines with --json. Ctrl+C stops.") { keys, amqp, count };
        runner.SetAction(tail, c => TailAsync(c, c.Get(keys) ?? [], c.Get(amqp), c.Get(count)));
        events.Subcommands.Add(tail);
        events.Subcommands.Add(EventsDecodeCommand.Create(runner));
        return events;
    }

    private static async Task<int> TailAsync(CommandContext context, string[] keys, string? amqp, int? count)
    {
        var options = amqp is not null
            ? FromUrl(amqp)
            : CbEventBusOptions.FromCredentials(CbCredentialStore.LoadProfile(context.Get(context.Globals.Profile)));
        foreach (var key in keys)
            options.RoutingKeys.Add(key);
        await using var consumer = new CbEventBusConsumer(options);
        var seen = 0;
        await foreach (var evt in consumer.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            if (context.Output.Json)
                context.Output.Output.WriteLine(JsonLine(evt));
            else
                context.Output.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss.fff}  {evt.RoutingKey,-40} {evt.Message.ContentType ?? "-",-22} {evt.Message.Body.Length,8} bytes{(evt.Message.Redelivered ? "  (redelivered)" : "")}"));
            context.Output.Output.Flush();
            if (++seen == count)
                break;
        }
        return ExitCodes.Success;
    }

    /// <summary>amqp://user:password@host:port/vhost (user and password percent-decoded; vhost "/" when empty).</summary>
    private static CbEventBusOptions FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("amqp" or "amqps"))
            throw new CliUsageException("--amqp must be an amqp://user:password@host:port/vhost (or amqps://) URL.");
        var userInfo = url.UserInfo.Split(':', 2);
        var path = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        return new CbEventBusOptions
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port < 0 ? 5004 : url.Port,
            User = userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "cb",
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "",
            VirtualHost = path.Length > 0 ? path : "/",
            UseTls = url.Scheme == "amqps",
        };
    }

    /// <summary>One JSON line: routing key, content type, redelivered, and the body (as JSON when it is JSON, else base64).</summary>
    private static string JsonLine(CbBusEvent evt)
    {
        var message = evt.Message;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("routing_key", message.RoutingKey);
            writer.WriteString("content_type", message.ContentType);
            writer.WriteBoolean("redelivered", message.Redelivered);
            writer.WriteString("event_type", evt.GetType().Name);
            if (message.ContentType == "application/json" && IsJson(message.Body))
            {
                writer.WritePropertyName("body");
                using var document = JsonDocument.Parse(message.Body);
                document.WriteTo(writer);
            }
            else
            {
                writer.WriteBase64String("body_base64", message.Body.Span);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static bool IsJson(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span);
        try
        {
            return JsonDocument.TryParseValue(ref reader, out var document) && document is not null && DisposeTrue(document);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool DisposeTrue(JsonDocument document)
    {
        document.Dispose();
        return true;
    }
}
