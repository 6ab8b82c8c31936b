namespace CbTyped.Scripts;

/// <summary>
/// A script's command line, read the way Python's argparse reads cbapi's examples: <c>--name value</c> and
/// <c>-n value</c> pairs, flags without a value, and the common options every example has. Hand-written rather than
/// System.CommandLine so each script stays a page long: the scripts declare their options as cbapi's do, by name.
/// </summary>
public sealed class ExampleArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _repeated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal) { "--no-ssl-verify", "--verbose" };
    private readonly HashSet<string> _required = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _help = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _commands = new(StringComparer.Ordinal);

    /// <summary>Starts a parser for a script described by <paramref name="description"/> (printed by <c>--help</c>).</summary>
    public ExampleArguments(string description)
    {
        Description = description;
        Option("--cburl", help: "CB server's URL.  e.g., http://127.0.0.1");
        Option("--apitoken", help: "API Token for Carbon Black server");
        Flag("--no-ssl-verify", help: "Do not verify server SSL certificate.");
        Option("--profile", help: "profile to connect");
        Flag("--verbose", help: "enable debug logging");
    }

    /// <summary>What the script does.</summary>
    public string Description { get; }

    /// <summary>Declares an option that takes a value, with an optional short alias such as <c>-H</c>.</summary>
    public ExampleArguments Option(string name, string? alias = null, bool required = false, string help = "")
    {
        if (alias is not null)
            _aliases[alias] = name;
        if (required)
            _required.Add(name);
        _help[name] = help;
        return this;
    }

    /// <summary>Declares a sub-command (argparse's <c>add_subparsers</c>): the first bare word of the command line.</summary>
    public ExampleArguments Command(string name, string help = "")
    {
        _commands[name] = help;
        return this;
    }

    /// <summary>The sub-command given, or null.</summary>
    public string? CommandName { get; private set; }

    /// <summary>Declares a flag (no value).</summary>
    public ExampleArguments Flag(string name, string? alias = null, string help = "")
    {
        _flags.Add(name);
        return Option(name, alias, required: false, help);
    }

    /// <summary>
    /// Reads <paramref name="args"/>. A missing required option or an unknown one prints the usage and exits with
    /// code 2, as argparse does.
    /// </summary>
    public ExampleArguments Parse(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var name = _aliases.TryGetValue(args[i], out var full) ? full : args[i];
            if (name is "--help" or "-h")
                Exit(0, null);
            if (CommandName is null && _commands.ContainsKey(name))
            {
                CommandName = name;
                continue;
            }
            if (!_help.ContainsKey(name))
                Exit(2, $"unrecognized arguments: {args[i]}");
            if (_flags.Contains(name))
                _values[name] = "true";
            else if (i + 1 < args.Length)
            {
                _values[name] = args[++i];
                (_repeated.TryGetValue(name, out var given) ? given : _repeated[name] = []).Add(args[i]);
            }
            else
                Exit(2, $"argument {args[i]}: expected one argument");
        }
        foreach (var name in _required)
        {
            if (!_values.ContainsKey(name))
                Exit(2, $"the following arguments are required: {name}");
        }
        return this;
    }

    /// <summary>The value of an option, or null when it was not given.</summary>
    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every value of an option given more than once (argparse's <c>action="append"</c>), in order.</summary>
    public IReadOnlyList<string> All(string name) => _repeated.TryGetValue(name, out var values) ? values : [];

    /// <summary>True when a flag was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    private void Exit(int code, string? error)
    {
        var usage = $"usage: {Environment.GetCommandLineArgs()[0]} [options]\n\n{Description}\n\noptions:\n"
            + string.Concat(_help.Select(h => $"  {h.Key,-20} {h.Value}\n"))
            + (_commands.Count == 0 ? "" : "\ncommands:\n" + string.Concat(_commands.Select(c => $"  {c.Key,-20} {c.Value}\n")));
        if (error is null)
        {
            Console.Out.Write(usage);
        }
        else
        {
            Console.Error.Write(usage);
            Console.Error.WriteLine("error: " + error);
        }
        Environment.Exit(code);
    }
}
