using System.Text.Json;

namespace CbTyped;

/// <summary>cbapi's rule for every JSON answer, checked without building a DOM: an object with <c>errorMessage</c> is a server error.</summary>
internal static class CbOperationAnswer
{
    public static void ThrowIfErrorMessage(byte[] body, int status, string method, string path)
    {
        var trimmed = body.AsSpan().TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty || trimmed[0] != (byte)'{')
            return;
        try
        {
            var reader = new Utf8JsonReader(trimmed);
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isError = reader.ValueTextEquals("errorMessage"u8);
                reader.Read();
                if (isError)
                {
                    var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : JsonText(ref reader, trimmed);
                    throw new CbServerException($"Server reported an error for {method} {path}: {text}", status, text, method, path);
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the reader that needs the answer reports it with method and path.
        }
    }

    private static string JsonText(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return System.Text.Encoding.UTF8.GetString(json[start..end]);
    }
}
