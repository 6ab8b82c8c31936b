using System;
using System.Collections.Generic;

namespace CbTyped.Generator.Parsing
{
    /// <summary>Finds the closest valid word for a misspelt one (Levenshtein distance, case-insensitive).</summary>
    internal static class NearestKey
    {
        /// <summary>The closest candidate, or null when none is close enough to be a plausible typo.</summary>
        public static string? Find(string word, IEnumerable<string> candidates)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                int distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            // Allow roughly one typo per three letters; beyond that a suggestion is noise.
            int allowed = Math.Max(2, word.Length / 3);
            if (bestDistance <= allowed) return best;

            // A longer or shorter spelling of a valid word ("integer" for "int", "facets" for "facet").
            foreach (var candidate in candidates)
            {
                if (candidate.Length >= 3 && word.Length >= 3
                    && (word.StartsWith(candidate, StringComparison.OrdinalIgnoreCase) || candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
                {
                    return candidate;
                }
            }
            return null;
        }

        /// <summary>"Did you mean 'x'? " plus the list of valid keys.</summary>
        public static string Hint(string word, IReadOnlyList<string> candidates)
        {
            var nearest = Find(word, candidates);
            var valid = "Valid keys: " + string.Join(", ", candidates) + ".";
            return nearest is null ? valid : "Did you mean '" + nearest + "'? " + valid;
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++) previous[j] = j;
            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                var swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.Length];
        }
    }
}
