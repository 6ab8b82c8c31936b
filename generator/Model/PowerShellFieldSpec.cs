namespace CbTyped.Generator.Model
{
    /// <summary>A field's <c>powershell:</c> block: how it looks as a cmdlet parameter (docs/spec-format.md).</summary>
    /// <param name="Parameter">The parameter's name (default: the property name).</param>
    /// <param name="Aliases">More names the parameter answers to, also when bound by property name from the pipeline.</param>
    /// <param name="Position">Its position (0 first), or null for a named parameter.</param>
    /// <param name="Pattern">A regular expression the value must match (<c>ValidatePattern</c>), or null.</param>
    /// <param name="Secure">Taken as a <c>SecureString</c> (a password), never as plain text.</param>
    public sealed record PowerShellFieldSpec(string? Parameter, EquatableArray<string> Aliases, int? Position, string? Pattern, bool Secure);
}
