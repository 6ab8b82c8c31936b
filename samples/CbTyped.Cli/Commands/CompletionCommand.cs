using System.CommandLine;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Commands;

/// <summary>
/// <c>cbtyped completion bash|zsh|pwsh</c>: a script that makes the shell complete cbtyped's commands and options. Each
/// script asks cbtyped itself through System.CommandLine's <c>[suggest:POSITION]</c> directive, so completions always
/// match the binary installed, and no dotnet-suggest tool is needed.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CommandRunner runner)
    {
        var shell = new Argument<string>("shell") { Description = "The shell: bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "pwsh");
        var command = new Command("completion", "Print a shell completion script (load it from your shell's startup file).") { shell };
        runner.SetAction(command, c =>
        {
            c.Output.Output.Write(Script(c.Get(shell)));
            return Task.FromResult(ExitCodes.Success);
        });
        CommandExamples.Add(command,
            "source <(cbtyped completion bash)                     # ~/.bashrc",
            "cbtyped completion zsh > \"${fpath[1]}/_cbtyped\"        # zsh, then restart it",
            "cbtyped completion pwsh | Out-String | Invoke-Expression   # $PROFILE");
        return command;
    }

    public static string Script(string shell) => shell switch
    {
        "bash" => """
            # cbtyped completion for bash: source <(cbtyped completion bash)
            _cbtyped_complete() {
                local IFS=$'\n' cur="${COMP_WORDS[COMP_CWORD]}" c
                COMPREPLY=()
                # cbtyped also suggests words that merely contain what was typed; bash wants those that start with it.
                for c in $(command cbtyped "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null); do
                    [[ $c == "$cur"* ]] && COMPREPLY+=("$c")
                done
            }
            complete -o default -F _cbtyped_complete cbtyped

            """,
        "zsh" => """
            #compdef cbtyped
            # cbtyped completion for zsh: cbtyped completion zsh > "${fpath[1]}/_cbtyped"
            _cbtyped() {
                local -a completions
                completions=("${(@f)$(command cbtyped "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
                compadd -a completions
            }
            compdef _cbtyped cbtyped

            """,
        _ => """
            # cbtyped completion for PowerShell: cbtyped completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName cbtyped -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                $position = $cursorPosition - $commandAst.Extent.StartOffset
                & cbtyped "[suggest:$position]" "$line" 2>$null | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
