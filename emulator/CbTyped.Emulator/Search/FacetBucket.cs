namespace CbTyped.Emulator.Search;

/// <summary>One facet value and how many matches carry it.</summary>
internal sealed record FacetBucket(string Name, int Count);
