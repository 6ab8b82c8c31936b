using System.Text.Json;

namespace CbTyped;

/// <summary>
/// A get-by-key answer is one object, a one-element array (Site, SensorGroup) or a search envelope with one row; an
/// empty array or envelope means not found, several rows mean the key was not unique.
/// </summary>
internal static class CbSingleObject
{
    public static ReadOnlyMemory<byte> Extract(byte[] body, string method, string path, string modelName)
    {
        var trimmed = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
            throw new CbObjectNotFoundException($"Received an empty answer for {method} {path}: no {modelName}", 204, null, method, path);
        if (trimmed[0] == (byte)'{' && !HasResults(body))
            return body;
        var page = CbRowPage.Parse(body, method, path);
        return page.Rows.Count switch
        {
            0 => throw new CbObjectNotFoundException($"Received no {modelName} for {method} {path}", 200, null, method, path),
            1 => page.Rows[0],
            var n => throw new CbMoreThanOneResultException($"{n} results found for {method} {path}; expected one {modelName}", n),
        };
    }

    private static bool HasResults(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("results"u8))
                    return true;
                reader.Read();
                reader.Skip();
            }
            return false;
        }
        catch (JsonException)
        {
            return false; // let the model reader report the bad JSON with method and path
        }
    }
}
