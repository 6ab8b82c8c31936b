namespace CbTyped.QueryLanguage;

/// <summary>The value side of a clause.</summary>
internal abstract record QueryValue;
