namespace CbTyped;

/// <summary>
/// One facet bucket: a field value and how many results have it (<c>{"name":…,"value":n,"percent":p,"ratio":r}</c>).
/// </summary>
/// <param name="Name">The field value.</param>
/// <param name="Count">How many results have it (<c>value</c>).</param>
/// <param name="Percent">The server's <c>percent</c>, when sent: the count as a percentage of the largest bucket's.</param>
/// <param name="Ratio">The server's <c>ratio</c>, when sent: the count as a percentage of all the buckets' counts (cbapi's facet ratio).</param>
public sealed record CbFacetValue(string Name, long Count, double? Percent, double? Ratio = null);
