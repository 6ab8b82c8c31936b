namespace CbTyped.Generator.Model
{
    /// <summary>A model's <c>powershell:</c> block: how its generated cmdlets look (docs/spec-format.md).</summary>
    /// <param name="Noun">The cmdlets' noun (default <c>Cb{Model}</c>).</param>
    /// <param name="Cmdlets">Which cmdlets to emit (<c>get</c>, <c>new</c>, <c>set</c>, <c>remove</c>, operation names);
    /// null: all of them.</param>
    /// <param name="NameFilter">The JSON name of a string field <c>Get-</c> filters by with <c>-Name</c> (wildcards), or null.</param>
    public sealed record PowerShellModelSpec(string? Noun, EquatableArray<string>? Cmdlets, string? NameFilter)
    {
        /// <summary>Whether the cmdlet named <paramref name="kind"/> (get, new, set, remove or an operation's name) is emitted.</summary>
        public bool Emits(string kind)
        {
            if (Cmdlets is not { } list)
            {
                return true;
            }
            foreach (string item in list)
            {
                if (string.Equals(item, kind, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
