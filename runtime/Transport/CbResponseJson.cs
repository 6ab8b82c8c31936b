using System.Text.Json;

namespace CbTyped;

/// <summary>Reads response bodies as JSON with cbapi's rules: an unparseable body and an <c>errorMessage</c> are server errors.</summary>
internal static class CbResponseJson
{
    /// <summary>Parses a body; empty → null (cbapi: 204 → default).</summary>
    /// <exception cref="CbServerException">The body is not JSON (or is cut short), or carries <c>errorMessage</c>; names method and path.</exception>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> body, int status, string method, string path)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
            return null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new CbServerException(
                $"Cannot parse response as JSON for {method} {path} (response {status}, {body.Length} bytes): {e.Message}",
                status, CbErrorMapper.BodyText(body.Span), method, path, e);
        }
        ThrowIfErrorMessage(document.RootElement, status, method, path, document);
        return document;
    }

    /// <summary>cbapi: a JSON object with <c>errorMessage</c> is a server error, even on a 2xx.</summary>
    private static void ThrowIfErrorMessage(JsonElement root, int status, string method, string path, JsonDocument owner)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errorMessage", out var message))
        {
            var text = message.ValueKind == JsonValueKind.String ? message.GetString() : message.GetRawText();
            owner.Dispose();
            throw new CbServerException($"Server reported an error for {method} {path}: {text}", status, text, method, path);
        }
    }
}
