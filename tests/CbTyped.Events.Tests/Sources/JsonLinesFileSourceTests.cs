using System.Collections.Concurrent;
using System.Text;
using CbTyped.Events.Sources;
using CbTyped.Events.Tests.Fixtures;

namespace CbTyped.Events.Tests.Sources;

/// <summary>The forwarder's file output followed on a real file: growth, bad lines, rotation, truncation.</summary>
public sealed class JsonLinesFileSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cbtyped-file-source-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static string Event(string type, int n) => $"{{\"type\":\"{type}\",\"n\":{n}}}\n";

    private static void Append(string path, string text)
    {
        using var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        file.Write(Encoding.UTF8.GetBytes(text));
    }

    private static CbJsonLinesFileOptions Options(string path, CbFileStartPosition start = CbFileStartPosition.Beginning) =>
        new() { Path = path, StartAt = start, PollInterval = TimeSpan.FromMilliseconds(20) };

    private static string Body(CbBusEvent evt) => Encoding.UTF8.GetString(evt.Message.Body.Span);

    [Fact]
    public async Task Existing_and_appended_lines_reach_the_handlers_by_type_and_bad_lines_are_logged_with_file_and_line()
    {
        var path = PathOf("events.json");
        File.WriteAllText(path, Event("watchlist.hit.process", 1) + "not json\n" + "\n" + Event("alert.watchlist.hit.query.process", 2) + "{\"no_type\":1}\n");
        var log = new LogLines<CbJsonLinesFileSource>();
        await using var source = new CbJsonLinesFileSource(Options(path), log);
        var seen = new ConcurrentQueue<string>();
        source.On("watchlist.#", (evt, _) => { seen.Enqueue("wl " + Body(evt)); return Task.CompletedTask; })
              .On("alert.#", (evt, _) => { seen.Enqueue("alert " + evt.Message.ContentType + " " + Body(evt)); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        await BusClient.EventuallyAsync(() => seen.Count == 2, "the two good lines already in the file");

        Append(path, Event("watchlist.hit.binary", 3) + "{\"type\":\"watchlist.hit.binary\",\"n\":");   // the second line is still being written
        await BusClient.EventuallyAsync(() => seen.Count == 3, "the appended line");
        await Task.Delay(100);
        Assert.Equal(3, seen.Count);                                                                       // a partial line waits for its newline
        Append(path, "4}\n");
        await BusClient.EventuallyAsync(() => seen.Count == 4, "the line once complete");
        await stop.CancelAsync();
        await run;

        Assert.Equal([
            "wl {\"type\":\"watchlist.hit.process\",\"n\":1}",
            "alert application/json {\"type\":\"alert.watchlist.hit.query.process\",\"n\":2}",
            "wl {\"type\":\"watchlist.hit.binary\",\"n\":3}",
            "wl {\"type\":\"watchlist.hit.binary\",\"n\":4}"], seen.ToArray());
        Assert.Equal(2, source.SkippedLines);
        Assert.Contains(log.Lines, l => l.Contains($"Event file {path}, line 2: skipped (malformed JSON", StringComparison.Ordinal));
        Assert.Contains(log.Lines, l => l.Contains($"Event file {path}, line 5: skipped (no string 'type' field", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Starting_at_the_end_reads_only_new_lines_skips_the_one_being_written_and_keeps_line_numbers()
    {
        var path = PathOf("end.json");
        File.WriteAllText(path, Event("feed.ingress.hit.process", 1) + Event("feed.ingress.hit.process", 2) + "{\"type\":\"feed.ing");
        var log = new LogLines<CbJsonLinesFileSource>();
        await using var source = new CbJsonLinesFileSource(Options(path, CbFileStartPosition.End), log);
        var seen = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var read = Task.Run(async () =>
        {
            await foreach (var evt in source.ReadAllAsync(stop.Token))
                seen.Enqueue(Body(evt));
        });
        await BusClient.EventuallyAsync(() => log.Lines.Any(l => l.Contains("following from the end (line 3)", StringComparison.Ordinal)), "the source to start");
        Append(path, "ress.hit.process\",\"n\":3}\n" + Event("feed.ingress.hit.process", 4) + "garbage\n");
        await BusClient.EventuallyAsync(() => seen.Count == 1 && source.SkippedLines == 1, "the new line and the bad one");
        await stop.CancelAsync();
        await read;

        Assert.Equal(["{\"type\":\"feed.ingress.hit.process\",\"n\":4}"], seen.ToArray());
        Assert.Contains(log.Lines, l => l.Contains($"Event file {path}, line 5: skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rotated_file_and_a_truncated_file_are_read_again_from_their_beginning()
    {
        var path = PathOf("rotating.json");
        File.WriteAllText(path, Event("binaryinfo.observed", 1));
        var log = new LogLines<CbJsonLinesFileSource>();
        await using var source = new CbJsonLinesFileSource(Options(path), log);
        var seen = new ConcurrentQueue<string>();
        source.On("#", (evt, _) => { seen.Enqueue(Body(evt)); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        await BusClient.EventuallyAsync(() => seen.Count == 1, "the first line");

        // Rotation as the forwarder and logrotate do it: rename, then a new file at the path. The new file is
        // longer than the old one was, so only its identity tells them apart.
        File.Move(path, PathOf("rotating.json.1"));
        File.WriteAllText(path, Event("binaryinfo.host.observed", 2) + Event("binaryinfo.host.observed", 3));
        await BusClient.EventuallyAsync(() => seen.Count == 3, "both lines of the new file");

        // copytruncate: the same file emptied, then written again.
        new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite).Dispose();
        await Task.Delay(100);
        Append(path, Event("binaryinfo.group.observed", 4));
        await BusClient.EventuallyAsync(() => seen.Count == 4, "the line after truncation");
        await stop.CancelAsync();
        await run;

        Assert.Equal([1, 2, 3, 4], seen.Select(b => (int)System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("n").GetInt32()));
        // Seen mid-write, the new file may look shorter than the old one: either way it is read from its start.
        Assert.True(log.Lines.Count(l => l.Contains("reading the new file from its beginning", StringComparison.Ordinal)) >= 2, string.Join("\n", log.Lines));
    }

    [Fact]
    public async Task A_file_that_appears_later_is_waited_for_and_an_over_long_line_is_skipped()
    {
        var path = PathOf("later.json");
        var log = new LogLines<CbJsonLinesFileSource>();
        var options = Options(path);
        options.MaxLineBytes = 64;
        await using var source = new CbJsonLinesFileSource(options, log);
        var seen = new ConcurrentQueue<string>();
        source.On("task.error.logged", (evt, _) => { seen.Enqueue(Body(evt)); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        await BusClient.EventuallyAsync(() => log.Lines.Any(l => l.Contains("does not exist yet", StringComparison.Ordinal)), "the wait");
        File.WriteAllText(path, "{\"type\":\"task.error.logged\",\"x\":\"" + new string('a', 200) + "\"}\n" + Event("task.error.logged", 2));
        await BusClient.EventuallyAsync(() => seen.Count == 1, "the short line");
        await stop.CancelAsync();
        await run;

        Assert.Equal(["{\"type\":\"task.error.logged\",\"n\":2}"], seen.ToArray());
        Assert.Equal(1, source.SkippedLines);
        Assert.Contains(log.Lines, l => l.Contains($"Event file {path}, line 1: skipped (longer than 64 bytes)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_handler_that_throws_is_logged_with_its_line_and_the_next_line_is_handled()
    {
        var path = PathOf("throws.json");
        File.WriteAllText(path, Event("alert.watchlist.hit.query.binary", 1) + Event("alert.watchlist.hit.query.binary", 2));
        var log = new LogLines<CbJsonLinesFileSource>();
        var handlers = new CbEventHandlerRegistry();
        var seen = new ConcurrentQueue<string>();
        handlers.On("alert.#", (evt, _) => Body(evt).Contains("\"n\":1", StringComparison.Ordinal)
            ? throw new InvalidOperationException("handler bug")
            : Task.Run(() => seen.Enqueue(Body(evt)), CancellationToken.None));
        await using var source = new CbJsonLinesFileSource(Options(path), handlers, log);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        await BusClient.EventuallyAsync(() => seen.Count == 1, "the second line");
        await stop.CancelAsync();
        await run;

        Assert.Contains(log.Lines, l => l.StartsWith("Error: ", StringComparison.Ordinal) && l.Contains($"{path}, line 1: handler for 'alert.watchlist.hit.query.binary' threw", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => handlers.On("late", (_, _) => Task.CompletedTask));
    }
}
