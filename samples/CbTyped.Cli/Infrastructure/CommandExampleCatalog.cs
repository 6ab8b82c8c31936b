using System.CommandLine;

namespace CbTyped.Cli.Infrastructure;

/// <summary>
/// The examples of the commands whose files do not add their own (<see cref="CommandExamples.Add"/> next to the
/// command is the rule for new ones), by command path. A command under <c>events</c> added without examples gets a
/// pointer to its help, so every command's help ends with something to run.
/// </summary>
internal static class CommandExampleCatalog
{
    private static readonly Dictionary<string, string[]> ByPath = new(StringComparer.Ordinal)
    {
        ["server info"] = ["cbtyped server info", "cbtyped server info --json | jq -r .version"],
        ["events tail"] = ["cbtyped events tail --amqp amqp://cb:secret@cb.example.com:5004", "cbtyped events tail -k 'watchlist.hit.#' -k 'feed.*' --count 10 --json"],
        ["sensor list"] = ["cbtyped sensor list", "cbtyped sensor list --hostname WIN7 --group 2", "cbtyped sensor list --json | jq -r '.[] | select(.status == \"Offline\") | .computer_name'"],
        ["sensor isolate"] = ["cbtyped sensor isolate HOSTNAME", "cbtyped sensor isolate 4 --wait 0"],
        ["sensor unisolate"] = ["cbtyped sensor unisolate HOSTNAME --wait 300"],
        ["lr ls"] = [@"cbtyped lr ls 4 'c:\windows\'", @"cbtyped lr ls HOSTNAME 'c:\windows\temp\*.exe' --json"],
        ["lr get"] = [@"cbtyped lr get 4 'c:\windows\system32\drivers\etc\hosts'", @"cbtyped lr get HOSTNAME 'c:\users\bob\evil.dll' -o evil.dll"],
        ["lr put"] = [@"cbtyped lr put 4 ./tool.exe 'c:\windows\temp\tool.exe'"],
        ["lr ps"] = ["cbtyped lr ps 4", "cbtyped lr ps HOSTNAME --json | jq '.[] | select(.path | test(\"powershell\"; \"i\")) | .pid'"],
        ["lr kill"] = ["cbtyped lr kill 4 5012"],
        ["lr exec"] = ["cbtyped lr exec 4 ipconfig /all", @"cbtyped lr exec 4 --no-wait -- cmd.exe /c 'c:\windows\temp\tool.exe -q'"],
        ["ban list"] = ["cbtyped ban list", "cbtyped ban list --all --json"],
        ["ban add"] = ["cbtyped ban add 7FB55F5A62E78AF9B58D08AAEEAEF848 --text 'mimikatz, IR-1234'"],
        ["ban remove"] = ["cbtyped ban remove 7FB55F5A62E78AF9B58D08AAEEAEF848"],
        ["user list"] = ["cbtyped user list", "cbtyped user list --json | jq -r '.[].username'"],
        ["user add"] = ["cbtyped user add jdoe --first-name Jane --last-name Doe --email jdoe@example.com --password-stdin < password.txt"],
        ["user remove"] = ["cbtyped user remove jdoe"],
        ["group list"] = ["cbtyped group list"],
        ["group create"] = ["cbtyped group create 'Critical Endpoints'", "cbtyped group create Lab --site 2 --sensorbackend-server https://cb.lab:443"],
    };

    public static void AddTo(RootCommand root)
    {
        foreach (var (path, command) in Walk(root, ""))
        {
            if (CommandExamples.For(command).Count > 0 || command.Action is null)
                continue;
            if (ByPath.TryGetValue(path, out var examples))
                CommandExamples.Add(command, examples);
            else if (path.StartsWith("events ", StringComparison.Ordinal))
                CommandExamples.Add(command, $"cbtyped {path} --help");
        }
    }

    private static IEnumerable<(string Path, Command Command)> Walk(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            var subPath = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            yield return (subPath, sub);
            foreach (var nested in Walk(sub, subPath))
                yield return nested;
        }
    }
}
