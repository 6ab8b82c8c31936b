using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace CbTyped.PowerShell;

/// <summary>Tab completion of <c>-Connection</c>: the names of this runspace's connections.</summary>
public sealed class CbConnectionNameCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        CbConnectionRegistry.Current.All
            .Where(c => c.Name.StartsWith(wordToComplete.Trim('\'', '"'), StringComparison.OrdinalIgnoreCase))
            .Select(c => new CompletionResult(c.Name, c.Name, CompletionResultType.ParameterValue, c.Url.ToString()));
}
