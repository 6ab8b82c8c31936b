namespace CbTyped;

/// <summary>One facet bucket: a field value and how many results have it (<c>{"name":…,"value":n,"percent":p}</c>).</summary>
/// <param name="Name">The field value.</param>
/// <param name="Count">How many results have it (<c>value</c>).</param>
/// <param name="Percent">The server's <c>percent</c>, when sent.</param>
public sealed record CbFacetValue(string Name, long Count, double? Percent);
