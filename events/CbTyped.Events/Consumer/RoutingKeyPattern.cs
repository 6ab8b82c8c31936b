namespace CbTyped.Events.Consumer;

/// <summary>
/// An AMQP topic binding key: dot-separated words where <c>*</c> matches exactly one word and <c>#</c> zero or more.
/// Handlers are chosen with the broker's own rule, so a handler registered for <c>watchlist.#</c> runs for every
/// message that binding brings in (cbapi compares keys with string equality, so its wildcard handlers never run).
/// </summary>
public sealed class RoutingKeyPattern
{
    private readonly string[] _words;

    /// <summary>Parses <paramref name="pattern"/>.</summary>
    /// <exception cref="ArgumentException">The pattern is empty or has an empty word (<c>a..b</c>).</exception>
    public RoutingKeyPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Length == 0)
            throw new ArgumentException("A routing-key pattern cannot be empty; use '#' for every key.", nameof(pattern));
        _words = pattern.Split('.');
        if (_words.Any(w => w.Length == 0))
            throw new ArgumentException($"Routing-key pattern '{pattern}' has an empty word (two dots, or a leading or trailing dot).", nameof(pattern));
        Pattern = pattern;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>True when <paramref name="routingKey"/> matches, by the broker's topic-exchange rule.</summary>
    public bool Matches(string routingKey)
    {
        ArgumentNullException.ThrowIfNull(routingKey);
        return Match(0, routingKey.Split('.'), 0);
    }

    private bool Match(int p, string[] key, int k)
    {
        while (p < _words.Length)
        {
            var word = _words[p];
            if (word == "#")
            {
                // '#' takes zero or more words: try every split of the rest.
                for (var skip = k; skip <= key.Length; skip++)
                    if (Match(p + 1, key, skip))
                        return true;
                return false;
            }
            if (k >= key.Length || (word != "*" && !string.Equals(word, key[k], StringComparison.Ordinal)))
                return false;
            p++;
            k++;
        }
        return k == key.Length;
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
