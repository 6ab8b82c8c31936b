using CbTyped.Emulator.Query.Parsing;
using CbTyped.QueryLanguage;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query.Index;

/// <summary>Builds per-document sort keys from what a field indexed.</summary>
internal static class SortColumns
{
    public static long[] Build(FieldIndex field, int length)
    {
        var column = new long[length];
        Array.Fill(column, long.MinValue);
        if (field.IsNumeric)
        {
            var docs = field.NumericDocs;
            var values = field.NumericValues;
            for (var i = 0; i < docs.Length; i++)
            {
                if (column[docs[i]] == long.MinValue)
                {
                    column[docs[i]] = values[i];
                }
            }
        }
        else if (field.Type is CbFieldType.Keyword or CbFieldType.Bool)
        {
            // Rank of the smallest term a document has.
            var sorted = field.Terms.Sorted();
            for (var rank = 0; rank < sorted.Ids.Length; rank++)
            {
                foreach (var doc in field.Terms.Postings(sorted.Ids[rank]))
                {
                    if (column[doc] == long.MinValue)
                    {
                        column[doc] = rank;
                    }
                }
            }
        }
        else
        {
            var (docs, valueIds, values) = field.WholeValues();
            var order = Enumerable.Range(0, values.Count).ToArray();
            Array.Sort(order, (x, y) => string.CompareOrdinal(values[x], values[y]));
            var rankOfValue = new long[values.Count];
            for (var rank = 0; rank < order.Length; rank++)
            {
                rankOfValue[order[rank]] = rank;
            }

            for (var i = 0; i < docs.Length; i++)
            {
                column[docs[i]] = rankOfValue[valueIds[i]];
            }
        }

        return column;
    }
}
