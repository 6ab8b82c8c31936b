using System.Text;
using System.Text.Json;
using CbTyped.Cli.Output;

namespace CbTyped.Cli.Tests;

/// <summary>
/// <c>--json</c>'s streamed array: the bytes written straight to a UTF-8 stream writer's stream (cbtyped's redirected
/// standard output) are the text any other writer gets, and what is written is handed on when asked.
/// </summary>
public sealed class JsonArrayStreamTests
{
    // Enough elements to pass the 64 KiB hand-on threshold several times; non-ASCII text as is (the relaxed encoder).
    private static void WriteElements(JsonArrayStream json, int count)
    {
        for (var i = 0; i < count; i++)
        {
            json.Add(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("n", i);
                w.WriteString("name", $"prozeß-{i}.exe \"quoted\" 日本");
                w.WriteEndObject();
            });
        }
    }

    [Fact]
    public void Through_a_utf8_stream_writer_the_bytes_are_the_text_a_string_writer_gets()
    {
        using var text = new StringWriter();
        using (var json = new JsonArrayStream(text))
        {
            WriteElements(json, 3000);
            json.Complete();
        }

        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            writer.Write("before\n");
            using (var json = new JsonArrayStream(writer))
            {
                WriteElements(json, 3000);
                json.Complete();
            }

            writer.Write("after\n");
        }

        var streamed = Encoding.UTF8.GetString(bytes.ToArray());
        Assert.Equal("before\n" + text + "after\n", streamed);
        using var document = JsonDocument.Parse(text.ToString());
        Assert.Equal(3000, document.RootElement.GetArrayLength());
        Assert.Equal("prozeß-2999.exe \"quoted\" 日本", document.RootElement[2999].GetProperty("name").GetString());
    }

    [Fact]
    public void Flushing_the_output_hands_on_every_element_written_so_far()
    {
        using var bytes = new MemoryStream();
        using var writer = new StreamWriter(bytes, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        using var json = new JsonArrayStream(writer);
        WriteElements(json, 5);
        Assert.True(bytes.Length < 20, "five small elements stay pending until the output is flushed");

        json.FlushOutput();

        var sofar = Encoding.UTF8.GetString(bytes.ToArray());
        Assert.StartsWith("[", sofar, StringComparison.Ordinal);
        Assert.EndsWith("}", sofar.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("\"n\": 4", sofar, StringComparison.Ordinal);
    }
}
