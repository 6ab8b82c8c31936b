namespace CbTyped.QueryLanguage;

/// <summary><c>field:*</c> — the field has a value.</summary>
internal sealed record ExistsValue : QueryValue;
