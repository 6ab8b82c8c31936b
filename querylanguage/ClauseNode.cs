namespace CbTyped.QueryLanguage;

/// <summary>One clause: a field (null for the default fields) and a value.</summary>
/// <param name="Field">The field, or null for the default fields.</param>
/// <param name="Value">What to match.</param>
/// <param name="Text">The clause as written, echoed in the envelope's <c>terms</c>.</param>
internal sealed record ClauseNode(string? Field, QueryValue Value, string Text) : QueryNode
{
    /// <summary>Where the field name is written in the query (null when the clause has none of its own, as inside
    /// <c>field:(a b)</c> or for a bare term); the analyzer points its diagnostics here.</summary>
    public QuerySpan? FieldSpan { get; init; }

    /// <summary>Where the value is written (the term, the quoted phrase with its quotes, or the range with brackets).</summary>
    public QuerySpan ValueSpan { get; init; }
}
