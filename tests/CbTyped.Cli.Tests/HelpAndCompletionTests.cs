using System.CommandLine;
using CbTyped.Cli;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Tests;

/// <summary><c>--help</c> examples on every command, and shell completion through the <c>[suggest]</c> directive.</summary>
public sealed class HelpAndCompletionTests
{
    [Fact]
    public void Every_command_that_runs_something_has_examples_in_its_help()
    {
        using var output = new StringWriter();
        var root = CliApplication.BuildRoot(new CommandRunner(output, output, false, () => Stream.Null));
        var missing = All(root).Where(c => c.Action is not null && c is not RootCommand && CommandExamples.For(c).Count == 0).Select(c => c.Name).ToList();
        Assert.Empty(missing);
        Assert.All(All(root).SelectMany(CommandExamples.For), e => Assert.StartsWith("cbtyped ", e.TrimStart().Replace("source <(", "", StringComparison.Ordinal).Replace("printf", "cbtyped", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_ends_with_the_commands_examples()
    {
        var run = await CliRun.RunAsync("alert", "resolve", "--help");

        Assert.Equal(0, run.ExitCode);
        var output = run.Output.ReplaceLineEndings("\n");
        Assert.Contains("Usage:\n  cbtyped alert resolve [<id>...] [options]", output.Replace("testhost", "cbtyped", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("Examples:\n  cbtyped alert resolve a743ee18-ce1d-4fb3-adc5-f05a77c8996c\n  cbtyped alert resolve --query 'status:unresolved hostname:win7'\n\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_suggest_directive_completes_commands_options_and_values()
    {
        var commands = await CliRun.RunAsync("[suggest:10]", "cbtyped al");
        Assert.Equal(0, commands.ExitCode);
        Assert.Contains("alert", commands.Output.Split('\n').Select(l => l.Trim()));

        var line = "cbtyped process events x --type n";
        var values = await CliRun.RunAsync($"[suggest:{line.Length}]", line);
        Assert.Equal(["netconn"], values.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _cbtyped_complete cbtyped")]
    [InlineData("zsh", "compdef _cbtyped cbtyped")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName cbtyped")]
    public async Task Completion_prints_a_script_that_asks_cbtyped_for_suggestions(string shell, string registration)
    {
        var run = await CliRun.RunAsync("completion", shell);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(registration, run.Output, StringComparison.Ordinal);
        Assert.Contains("cbtyped \"[suggest:", run.Output, StringComparison.Ordinal);
        Assert.Equal(2, (await CliRun.RunAsync("completion", "fish")).ExitCode);
    }

    [Fact]
    public async Task The_bash_script_completes_in_bash()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/bash"))
            return; // bash is what this test drives
        var directory = Directory.CreateTempSubdirectory("cbtyped-completion-").FullName;
        try
        {
            var script = Path.Combine(directory, "completion.sh");
            File.WriteAllText(script, (await CliRun.RunAsync("completion", "bash")).Output);
            // A stand-in cbtyped on the PATH that answers the directive the way the real one does (this process).
            var stub = Path.Combine(directory, "cbtyped");
            File.WriteAllText(stub, "#!/bin/bash\nprintf 'memdump\\n--timeout\\nmkdir\\n'\n");
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var start = new System.Diagnostics.ProcessStartInfo("/bin/bash", ["-c", $"PATH={directory}:$PATH; source {script}; COMP_LINE='cbtyped lr me'; COMP_POINT=13; COMP_WORDS=(cbtyped lr me); COMP_CWORD=2; _cbtyped_complete; printf '%s\\n' \"${{COMPREPLY[@]}}\""])
            {
                RedirectStandardOutput = true,
            };
            using var bash = System.Diagnostics.Process.Start(start)!;
            var text = await bash.StandardOutput.ReadToEndAsync();
            await bash.WaitForExitAsync();
            Assert.Equal("memdump\n", text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<Command> All(Command command) => [command, .. command.Subcommands.SelectMany(All)];

}
