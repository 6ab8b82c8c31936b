namespace CbTyped.QueryLanguage;

/// <summary>A parsed Cb query (docs/query-language.md, Grammar).</summary>
internal abstract record QueryNode;
