namespace CbTyped.QueryLanguage;

/// <summary>The empty query, <c>*</c> or <c>*:*</c>.</summary>
internal sealed record MatchAllNode : QueryNode;
