using System.Text.Json;

namespace CbTyped;

/// <summary>
/// One page of a search response (<c>{"results":[…], "total_results":N, "facets":{…}, …}</c>), read without building a
/// DOM: each row stays a slice of the page's UTF-8 body, decoded by the model only when a field is read.
/// </summary>
internal sealed class CbRowPage
{
    private CbRowPage(IReadOnlyList<ReadOnlyMemory<byte>> rows, long? total, ReadOnlyMemory<byte> facets)
    {
        Rows = rows;
        TotalResults = total;
        Facets = facets;
    }

    public IReadOnlyList<ReadOnlyMemory<byte>> Rows { get; }

    /// <summary><c>total_results</c>, when the server sent it.</summary>
    public long? TotalResults { get; }

    /// <summary>The raw <c>facets</c> object, empty when absent.</summary>
    public ReadOnlyMemory<byte> Facets { get; }

    /// <summary>Reads a search page; the body may also be a bare array (list endpoints).</summary>
    /// <exception cref="CbServerException">The body is not the expected JSON; names method and path.</exception>
    public static CbRowPage Parse(ReadOnlyMemory<byte> body, string method, string path)
    {
        try
        {
            return ParseCore(body, method, path);
        }
        catch (JsonException e)
        {
            throw new CbServerException(
                $"Cannot parse response as JSON for {method} {path} ({body.Length} bytes): {e.Message}", 200,
                CbErrorMapper.BodyText(body.Span), method, path, e);
        }
    }

    private static CbRowPage ParseCore(ReadOnlyMemory<byte> body, string method, string path)
    {
        var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read())
            throw new CbServerException($"Empty response for {method} {path}", 200, null, method, path);
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            var rows = ReadRows(ref reader, body);
            EnsureEnd(ref reader);
            return new CbRowPage(rows, rows.Count, default);
        }
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new CbServerException($"Expected a JSON object or array from {method} {path}", 200, CbErrorMapper.BodyText(body.Span), method, path);

        List<ReadOnlyMemory<byte>>? results = null;
        long? total = null;
        ReadOnlyMemory<byte> facets = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("results"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                    results = ReadRows(ref reader, body);
                else
                    reader.Skip();
            }
            else if (reader.ValueTextEquals("total_results"u8))
            {
                reader.Read();
                total = reader.TokenType switch
                {
                    JsonTokenType.Number => reader.GetInt64(),
                    JsonTokenType.String when long.TryParse(reader.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
                    _ => null,
                };
            }
            else if (reader.ValueTextEquals("facets"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                facets = body[start..(int)reader.BytesConsumed];
            }
            else if (reader.ValueTextEquals("errorMessage"u8))
            {
                reader.Read();
                var message = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                throw new CbServerException($"Server reported an error for {method} {path}: {message}", 200, message, method, path);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject)
            throw new JsonException("The response object is not closed.");
        EnsureEnd(ref reader);
        return new CbRowPage((IReadOnlyList<ReadOnlyMemory<byte>>?)results ?? [], total, facets);
    }

    private static List<ReadOnlyMemory<byte>> ReadRows(ref Utf8JsonReader reader, ReadOnlyMemory<byte> body)
    {
        var rows = new List<ReadOnlyMemory<byte>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            rows.Add(body[start..(int)reader.BytesConsumed]);
        }
        if (reader.TokenType != JsonTokenType.EndArray)
            throw new JsonException("The results array is not closed.");
        return rows;
    }

    private static void EnsureEnd(ref Utf8JsonReader reader)
    {
        if (reader.Read())
            throw new JsonException("Unexpected data after the end of the response.");
    }
}
