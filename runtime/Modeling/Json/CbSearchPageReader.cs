using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>
/// Reads a search envelope (<c>{"results":[...],"total_results":N,"start":S,"facets":{...},...}</c>) or a bare JSON
/// array of rows in one structural pass: every row keeps a slice of the page memory and decodes its
/// fields on first use.
/// </summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbSearchPageReader
{
    /// <summary>Reads one page.</summary>
    /// <param name="page">The whole response body. It is kept by the rows: do not reuse it.</param>
    /// <param name="client">Set as every row's <see cref="CbModel.Client"/>.</param>
    /// <param name="rowsAreFull">False when the route returns partial objects (rows then refresh on demand).</param>
    public static CbPage<T> Read<T>(ReadOnlyMemory<byte> page, ICbModelSession? client = null, bool rowsAreFull = true)
        where T : CbModel, ICbModel<T>
    {
        var results = new List<T>();
        var scanner = new CbJsonScanner(page.Span);
        long? total = null;
        long? start = null;
        ReadOnlyMemory<byte> facets = default;
        switch (scanner.PeekKind())
        {
            case CbJsonKind.Array:
                ReadRows(page, ref scanner, results, client, rowsAreFull, inResults: false);
                break;
            case CbJsonKind.Object:
                scanner.ReadStartObject();
                while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> name, out _))
                {
                    if (name.SequenceEqual("results"u8) && scanner.PeekKind() == CbJsonKind.Array)
                    {
                        ReadRows(page, ref scanner, results, client, rowsAreFull, inResults: true);
                        continue;
                    }

                    CbJsonValue value = scanner.ReadValue();
                    ReadOnlySpan<byte> token = page.Span.Slice(value.Start, value.Length);
                    if (name.SequenceEqual("total_results"u8))
                    {
                        total = CbValueReader.ReadInt64(token, value.Kind);
                    }
                    else if (name.SequenceEqual("start"u8))
                    {
                        start = CbValueReader.ReadInt64(token, value.Kind);
                    }
                    else if (name.SequenceEqual("facets"u8))
                    {
                        facets = page.Slice(value.Start, value.Length);
                    }
                }

                break;
            case CbJsonKind.None:
                break; // an empty body (some servers answer 204 for "no sensors")
            default:
                throw new CbJsonException("Expected a JSON object or array of results.", scanner.Position);
        }

        scanner.ReadEndOfDocument();
        return new CbPage<T>(results, total, start, facets);
    }

    private static void ReadRows<T>(ReadOnlyMemory<byte> page, ref CbJsonScanner scanner, List<T> results, ICbModelSession? client, bool rowsAreFull, bool inResults)
        where T : CbModel, ICbModel<T>
    {
        scanner.ReadStartArray();
        while (scanner.TryReadNextElement())
        {
            T row = T.CreateInstance();
            row.LoadJson(page, ref scanner);
            row.SetRowPosition(results.Count, inResults);
            row.Client = client;
            row.IsFull = rowsAreFull;
            results.Add(row);
        }
    }
}
