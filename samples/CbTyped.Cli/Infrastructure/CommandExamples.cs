using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace CbTyped.Cli.Infrastructure;

/// <summary>
/// The "Examples:" section of a command's <c>--help</c>. Kept beside the description rather than in it, so a parent's
/// list of sub-commands shows one line each; the help action writes the section after System.CommandLine's own help
/// (whose section layout cannot take a section of ours: its <c>HelpContext</c> is internal in 2.0.0).
/// </summary>
internal static class CommandExamples
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = [];

    public static void Add(Command command, params string[] examples) => Examples.AddOrUpdate(command, examples);

    public static IReadOnlyList<string> For(Command command) => Examples.TryGetValue(command, out var examples) ? examples : [];

    /// <summary>Makes every <c>--help</c> under <paramref name="root"/> end with the command's examples.</summary>
    public static void EnableIn(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is SynchronousCommandLineAction standard)
            help.Action = new WithExamples(standard);
    }

    private sealed class WithExamples(SynchronousCommandLineAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            var examples = For(parseResult.CommandResult.Command);
            if (examples.Count > 0)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in examples)
                    output.WriteLine("  " + example);
                output.WriteLine();
            }
            return code;
        }
    }
}
