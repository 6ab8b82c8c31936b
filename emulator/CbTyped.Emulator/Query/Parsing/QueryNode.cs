namespace CbTyped.Emulator.Query.Parsing;

/// <summary>A parsed Cb query.</summary>
public abstract record QueryNode;

/// <summary>Every clause must match (juxtaposition, <c>AND</c>, <c>+</c>).</summary>
public sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Any clause matches (<c>OR</c>).</summary>
public sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

/// <summary>Everything except the child (<c>-</c>, <c>!</c>, <c>NOT</c>).</summary>
public sealed record NotNode(QueryNode Child) : QueryNode;

/// <summary>The empty query, <c>*</c> or <c>*:*</c>.</summary>
public sealed record MatchAllNode : QueryNode;

/// <summary>One clause: a field (null for the default fields) and a value.</summary>
/// <param name="Field">The field, or null for the default fields.</param>
/// <param name="Value">What to match.</param>
/// <param name="Text">The clause as written, echoed in the envelope's <c>terms</c>.</param>
public sealed record ClauseNode(string? Field, QueryValue Value, string Text) : QueryNode;

/// <summary>The value side of a clause.</summary>
public abstract record QueryValue;

/// <summary>A bare term; <c>*</c> and <c>?</c> inside it are wildcards. Escapes are already removed.</summary>
public sealed record TermValue(string Text) : QueryValue
{
    public bool HasWildcard => Text.AsSpan().IndexOfAny('*', '?') >= 0;
}

/// <summary>A quoted value: literal, no wildcards.</summary>
public sealed record PhraseValue(string Text) : QueryValue;

/// <summary><c>[low TO high]</c> (inclusive) or <c>{low TO high}</c> (exclusive); null bound = <c>*</c>.</summary>
public sealed record RangeValue(string? Low, string? High, bool LowInclusive, bool HighInclusive) : QueryValue;

/// <summary><c>field:*</c> — the field has a value.</summary>
public sealed record ExistsValue : QueryValue;
