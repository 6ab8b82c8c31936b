using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using CbTyped.Modeling;
using CbTyped.Response;

namespace CbTyped.PowerShell;

/// <summary>
/// Tab completion of a <c>-Query</c> (or <c>-Sort</c>) argument: the last term's field name from the model's spec
/// (<c>proc</c> → <c>process_name:</c>, <c>process_pid:</c>, …), and after the colon of a yes/no field
/// <c>true</c>/<c>false</c>, of an enum field the values its spec declares (<c>status:</c> → <c>Resolved</c>, …,
/// <c>"In Progress"</c> quoted). Earlier terms of the query are kept as typed.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class QueryCompletionAttribute(string model, bool sortOnly = false) : ArgumentCompleterFactoryAttribute
{
    public override IArgumentCompleter Create() => new Completer(model switch
    {
        nameof(Process) => QueryFieldTable.Of<Process>(),
        nameof(Binary) => QueryFieldTable.Of<Binary>(),
        nameof(Alert) => QueryFieldTable.Of<Alert>(),
        nameof(Sensor) => QueryFieldTable.Of<Sensor>(),
        nameof(ThreatReport) => QueryFieldTable.Of<ThreatReport>(),
        _ => throw new ArgumentException("No query fields for " + model, nameof(model)),
    }, sortOnly);

    private sealed class Completer(IReadOnlyList<QueryField> fields, bool sortOnly) : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) => Complete(fields, wordToComplete, sortOnly);
    }

    /// <summary>The completions of <paramref name="wordToComplete"/> (public for tests through the engine's own completion).</summary>
    internal static IEnumerable<CompletionResult> Complete(IReadOnlyList<QueryField> fields, string wordToComplete, bool sortOnly)
    {
        var quote = wordToComplete.Length > 0 && wordToComplete[0] is '\'' or '"' ? wordToComplete[0].ToString() : string.Empty;
        var text = wordToComplete.Trim('\'', '"');
        var termStart = text.LastIndexOfAny([' ', '(', '-', '+']) + 1;
        var before = text[..termStart];
        var term = text[termStart..];
        var wrap = (string completion) =>
        {
            var whole = before + completion;
            return quote.Length > 0 || whole.Contains(' ', StringComparison.Ordinal)
                ? (quote.Length > 0 ? quote : "'") + whole + (quote.Length > 0 ? quote : "'")
                : whole;
        };

        var colon = term.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var field = fields.FirstOrDefault(f => f.Name.Equals(term[..colon], StringComparison.OrdinalIgnoreCase));
            IReadOnlyList<string> values = field is null ? [] : field.Kind == "bool" ? ["true", "false"] : field.Values;
            var typed = term[(colon + 1)..].TrimStart('"');
            foreach (var value in values)
            {
                // A value with a space is one term only inside the query language's double quotes.
                var written = value.Contains(' ', StringComparison.Ordinal) ? "\"" + value + "\"" : value;
                if (value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                    yield return new CompletionResult(wrap(term[..(colon + 1)] + written), value, CompletionResultType.ParameterValue, field!.Name + ":" + written);
            }
            yield break;
        }

        foreach (var field in fields)
        {
            if ((sortOnly && !field.IsSortable) || !field.Name.StartsWith(term, StringComparison.OrdinalIgnoreCase))
                continue;
            var completion = sortOnly ? field.Name : field.Name + ":";
            yield return new CompletionResult(wrap(completion), field.Name, CompletionResultType.ParameterValue,
                $"{field.Name} ({field.Kind}{(field.IsSortable ? ", sortable" : string.Empty)})");
        }
    }
}
