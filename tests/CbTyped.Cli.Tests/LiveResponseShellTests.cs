using System.Net.Http.Json;
using System.Text.Json;
using CbTyped.Cli;

namespace CbTyped.Cli.Tests;

/// <summary>
/// <c>cbtyped lr shell</c> driven through its standard input against the emulator's endpoint on sensor 4 (its own
/// emulator: the shell changes files).
/// </summary>
public sealed class LiveResponseShellTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task The_shell_keeps_a_working_directory_and_runs_each_command_in_one_session()
    {
        var local = Path.Combine(Path.GetTempPath(), "cbtyped-shell-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = await ShellAsync([
                "pwd",
                @"cd drivers\etc",
                "ls",
                "get hosts " + local,
                @"cd ..\..\..",
                "pwd",
                "mkdir ir",
                @"ls c:\windows",
                "exec ipconfig /all",
                @"reg get HKLM\SOFTWARE\CbTyped\Version",
                "history",
                "exit",
                "pwd",
            ]);

            Assert.Equal(0, run.ExitCode);
            var output = run.Output.ReplaceLineEndings("\n");
            Assert.StartsWith("c:\\windows\\system32\n", output, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^hosts\s+21\s", output);
            Assert.Equal("127.0.0.1 localhost\r\n", File.ReadAllText(local));
            Assert.Contains($"c:\\windows\\system32\\drivers\\etc\\hosts: 21 bytes -> {local}\n", output, StringComparison.Ordinal);
            Assert.Contains("\nc:\\windows\n", output, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^ir\s+<DIR>\s", output);
            Assert.Contains("emulated output of: ipconfig /all", output, StringComparison.Ordinal);
            Assert.Matches(@"(?m)^Version\s+REG_SZ\s+1\.0$", output);
            Assert.Matches(@"(?m)^\s+11  history$", output);
            // Nothing after exit runs; one session was opened for all of it.
            Assert.Single(output.Split('\n'), l => l == "c:\\windows");
            Assert.Matches(@"^Live Response session \d+ on HOSTNAME \(sensor 4\); 'help' lists the commands, 'exit' leaves\.\n", run.Error.ReplaceLineEndings("\n"));
            Assert.DoesNotContain("was lost", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(local);
        }
    }

    [Fact]
    public async Task A_failing_command_is_reported_and_the_shell_goes_on_ending_with_the_last_commands_code()
    {
        var run = await ShellAsync([@"cd c:\no-such-dir", "pwd", "frobnicate", "kill x", "get", @"ls c:\no-such-dir"]);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal("c:\\windows\\system32\n", run.Output.ReplaceLineEndings("\n"));
        var errors = run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')[1..];
        Assert.Equal([
            "cbtyped: Live Response command 'directory list' failed: Win32 error code 0x80070002 (ERROR_FILE_NOT_FOUND)",
            "cbtyped: unknown command 'frobnicate'; 'help' lists the commands.",
            "cbtyped: kill takes a process id (a number).",
            "cbtyped: usage: get REMOTE [LOCAL]",
            "cbtyped: Live Response command 'directory list' failed: Win32 error code 0x80070002 (ERROR_FILE_NOT_FOUND)",
        ], errors);
    }

    [Fact]
    public async Task A_session_lost_between_commands_is_opened_again_and_the_shell_says_so()
    {
        using var http = new HttpClient { BaseAddress = emulator.Emulator.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Auth-Token", EmulatorFixture.Token);
        var run = await ShellAsync(["pwd", "ps", "ls"], beforeLine: async line =>
        {
            if (line != "ps")
                return;
            // The server drops the session while the shell waits for its next command.
            var sessions = await http.GetFromJsonAsync<JsonElement>("/api/v1/cblr/session");
            foreach (var s in sessions.EnumerateArray().Where(s => s.GetProperty("status").GetString() is "active" or "pending"))
            {
                var id = s.GetProperty("id").GetInt32();
                using var put = await http.PutAsync($"/api/v1/cblr/session/{id}", JsonContent.Create(new Dictionary<string, object> { ["status"] = "close", ["id"] = id }));
                put.EnsureSuccessStatusCode();
            }
        });

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"(?m)^\s*PID\s+Parent\s+User\s", run.Output);
        Assert.Matches(@"(?m)^drivers\s+<DIR>", run.Output);
        Assert.Matches(@"(?m)^cbtyped: session \d+ was lost; continuing in session \d+\.$", run.Error);
    }

    [Fact]
    public void Tab_completes_command_names()
    {
        Assert.Equal(["memdump "], LiveResponseShellCompletion("me"));
        Assert.Equal(["pwd ", "put ", "ps "], LiveResponseShellCompletion("p"));
        Assert.Empty(LiveResponseShellCompletion("ls c:"));
    }

    [Fact]
    public void The_line_editor_recalls_history_and_completes_with_tab()
    {
        var keys = new Queue<ConsoleKeyInfo>();
        void Type(string text) { foreach (var c in text) keys.Enqueue(new ConsoleKeyInfo(c, ConsoleKey.A, false, false, false)); }
        void Press(ConsoleKey key, char c = '\0', bool control = false) => keys.Enqueue(new ConsoleKeyInfo(c, key, false, false, control));
        using var echo = new StringWriter();
        var editor = new CbTyped.Cli.Infrastructure.LineEditor(echo, keys.Dequeue, CbTyped.Cli.Commands.LiveResponseShell.Complete);

        Type("hist");
        Press(ConsoleKey.Tab);
        Press(ConsoleKey.Enter, '\r');
        var first = editor.ReadLine("> ");
        Assert.Equal("history ", first);
        editor.Remember(first!.Trim());

        Press(ConsoleKey.UpArrow);
        Press(ConsoleKey.Backspace, '\b');
        Type("y");
        Press(ConsoleKey.Enter, '\r');
        Assert.Equal("history", editor.ReadLine("> "));

        Press(ConsoleKey.D, '\u0004', control: true);
        Assert.Null(editor.ReadLine("> "));
    }

    private static IReadOnlyList<string> LiveResponseShellCompletion(string line) => CbTyped.Cli.Commands.LiveResponseShell.Complete(line);

    private async Task<CliRun> ShellAsync(string[] lines, Func<string, Task>? beforeLine = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new ScriptedInput(lines, beforeLine);
        var code = await CliApplication.RunAsync(["lr", "shell", "4", "--lr-poll-ms", "10", .. emulator.Connection], output, error, errorIsTerminal: false, input: input);
        return new CliRun(code, output.ToString(), error.ToString(), []);
    }

    /// <summary>Standard input that hands the shell one line at a time, running a step of the test before a line.</summary>
    private sealed class ScriptedInput(string[] lines, Func<string, Task>? beforeLine) : TextReader
    {
        private int _next;

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (_next >= lines.Length)
                return null;
            var line = lines[_next++];
            if (beforeLine is not null)
                await beforeLine(line);
            return line;
        }

        public override string? ReadLine() => ReadLineAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
