using System.Collections.Generic;

namespace CbTyped.QueryLanguage;

/// <summary>A parsed Cb query (docs/query-language.md, Grammar).</summary>
internal abstract record QueryNode;

/// <summary>Every clause must match (juxtaposition, <c>AND</c>, <c>+</c>).</summary>
internal sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Any clause matches (<c>OR</c>).</summary>
internal sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Everything except the child (<c>-</c>, <c>!</c>, <c>NOT</c>).</summary>
internal sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>The empty query, <c>*</c> or <c>*:*</c>.</summary>
internal sealed record MatchAllNode : QueryNode;

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

/// <summary>The value side of a clause.</summary>
internal abstract record QueryValue;

/// <summary>A bare term; <c>*</c> and <c>?</c> inside it are wildcards. Escapes are already removed.</summary>
internal sealed record TermValue(string Text) : QueryValue
{
    public bool HasWildcard => Text.IndexOfAny(new[] { '*', '?' }) >= 0;
}

/// <summary>A quoted value: literal, no wildcards.</summary>
internal sealed record PhraseValue(string Text) : QueryValue;

/// <summary><c>[low TO high]</c> (inclusive) or <c>{low TO high}</c> (exclusive); null bound = <c>*</c>.</summary>
internal sealed record RangeValue(string? Low, string? High, bool LowInclusive, bool HighInclusive) : QueryValue
{
    /// <summary>Where the low bound is written.</summary>
    public QuerySpan LowSpan { get; init; }

    /// <summary>Where the high bound is written.</summary>
    public QuerySpan HighSpan { get; init; }
}

/// <summary><c>field:*</c> — the field has a value.</summary>
internal sealed record ExistsValue : QueryValue;
