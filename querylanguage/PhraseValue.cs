namespace CbTyped.QueryLanguage;

/// <summary>A quoted value: literal, no wildcards.</summary>
internal sealed record PhraseValue(string Text) : QueryValue;
