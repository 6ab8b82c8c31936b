using System.Collections;
using System.ComponentModel;
using System.Management.Automation;
using System.Management.Automation.Language;
using CbTyped.Modeling;

namespace CbTyped.PowerShell;

/// <summary>
/// Tab completion of a <c>-Query</c> argument from <typeparamref name="T"/>'s spec (field names, then the values of
/// yes/no and enum fields), for generated code: the cmdlets the generator emits with <c>CbTypedEmitCmdlets</c>.
/// </summary>
/// <typeparam name="T">The model queried.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Property)]
public sealed class CbQueryCompletionAttribute<T> : ArgumentCompleterFactoryAttribute
    where T : CbModel, ICbModel<T>
{
    /// <inheritdoc />
    public override IArgumentCompleter Create() => new Completer();

    private sealed class Completer : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            QueryCompletionAttribute.Complete(QueryFieldTable.Of<T>(), wordToComplete, sortOnly: false);
    }
}
