using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CbTyped.Generator.Parsing;
using CbTyped.QueryLanguage;

namespace CbTyped.Analyzers
{
    /// <summary>
    /// Checks a sort text, <c>"field asc|desc[, field asc|desc …]"</c> (what <c>Sort(...)</c> sends as <c>sort</c>),
    /// against the model's sortable fields: a field the model does not have or cannot sort on, and a direction other
    /// than <c>asc</c>/<c>desc</c>. Field families and joined fields (<c>watchlist_12</c>) are left alone: their
    /// sortability is not in the schema.
    /// </summary>
    internal static class SortChecker
    {
        public static List<QueryFinding> Check(string sort, SearchSchema schema, Func<QuerySpan, bool> isHole)
        {
            var findings = new List<QueryFinding>();
            int partStart = 0;
            while (partStart <= sort.Length)
            {
                int comma = sort.IndexOf(',', partStart);
                int partEnd = comma < 0 ? sort.Length : comma;
                CheckPart(sort, partStart, partEnd, schema, isHole, findings);
                partStart = partEnd + 1;
            }

            return findings;
        }

        private static void CheckPart(string sort, int start, int end, SearchSchema schema, Func<QuerySpan, bool> isHole, List<QueryFinding> findings)
        {
            var words = new List<QuerySpan>();
            int i = start;
            while (i < end)
            {
                while (i < end && char.IsWhiteSpace(sort[i]))
                {
                    i++;
                }

                int wordStart = i;
                while (i < end && !char.IsWhiteSpace(sort[i]))
                {
                    i++;
                }

                if (i > wordStart)
                {
                    words.Add(new QuerySpan(wordStart, i - wordStart));
                }
            }

            if (words.Count == 0 || isHole(new QuerySpan(start, end - start)))
            {
                return;
            }

            string direction = words.Count > 1 ? sort.Substring(words[1].Start, words[1].Length) : "asc";
            if (words.Count > 2 || !(direction.Equals("asc", StringComparison.OrdinalIgnoreCase) || direction.Equals("desc", StringComparison.OrdinalIgnoreCase)))
            {
                var whole = new QuerySpan(words[0].Start, words[words.Count - 1].End - words[0].Start);
                findings.Add(new QueryFinding(QueryDiagnostics.BadSort, whole, new object[] { sort.Substring(whole.Start, whole.Length) }));
                return;
            }

            QuerySpan fieldSpan = words[0];
            string field = sort.Substring(fieldSpan.Start, fieldSpan.Length);
            if (schema.IsSortable(field))
            {
                return;
            }

            bool known = schema.IsField(field);
            if (known && !schema.IsNotSearchable(field) && !schema.IsDeclared(field))
            {
                return;
            }

            string? nearest = known ? null : NearestKey.Find(field, schema.SortableNames);
            string why = known
                ? $"it is not a sortable field of {schema.ModelName}"
                : $"{schema.ModelName} has no such field" + (nearest is null ? string.Empty : $" (did you mean '{nearest}'?)");
            var properties = nearest is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(QueryDiagnostics.SuggestionProperty, nearest);
            findings.Add(new QueryFinding(QueryDiagnostics.NotSortable, fieldSpan, new object[] { field, why }, properties));
        }
    }
}
