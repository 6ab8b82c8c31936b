namespace CbTyped.QueryLanguage;

/// <summary>A bare term; <c>*</c> and <c>?</c> inside it are wildcards. Escapes are already removed.</summary>
internal sealed record TermValue(string Text) : QueryValue
{
    public bool HasWildcard => Text.IndexOfAny(new[] { '*', '?' }) >= 0;
}
