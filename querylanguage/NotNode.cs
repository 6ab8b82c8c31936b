namespace CbTyped.QueryLanguage;

/// <summary>Everything except the child (<c>-</c>, <c>!</c>, <c>NOT</c>).</summary>
internal sealed record NotNode(QueryNode Child) : QueryNode;
