namespace CbTyped.PowerShell;

/// <summary>One field a query may name: <c>process_name</c>, its kind (<c>text</c>, <c>number</c>, <c>date</c>, <c>bool</c>, <c>ip</c>) and whether it sorts.</summary>
public sealed record QueryField(string Name, string Kind, bool IsSortable, bool IsFacet)
{
    /// <summary>The values an enum field takes, from its spec's <c>values:</c> (empty for other fields).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
}
