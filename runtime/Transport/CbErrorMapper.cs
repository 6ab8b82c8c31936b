using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CbTyped;

/// <summary>
/// Turns an unsuccessful HTTP status into the error hierarchy, in cbapi's order: ≥500 server error, 404 not found,
/// 401 unauthorized, 400 with <c>reason: query_malformed_syntax</c> query syntax, any other ≥400 client error.
/// </summary>
internal static class CbErrorMapper
{
    private const int MaxBodyInMessage = 512;

    public static CbApiException FromStatus(int status, ReadOnlySpan<byte> body, string method, string path)
    {
        var text = BodyText(body);
        var serverMessage = ServerMessage(body, out var reason) ?? (text.Length > 0 ? text : null);
        var detail = text.Length > 0 ? text : "(No further information provided)";
        var code = status.ToString(CultureInfo.InvariantCulture);

        if (status >= 500)
            return new CbServerException($"Received error code {code} from API for {method} {path}: {detail}", status, serverMessage, method, path);
        if (status == 404)
            return new CbObjectNotFoundException($"Received 404 (Object Not Found) for {method} {path}: {detail}", status, serverMessage, method, path);
        if (status == 401)
            return new CbUnauthorizedException($"Unauthorized (check your API credentials): attempted to {method} {path}", status, serverMessage, method, path);
        if (status == 400 && reason == "query_malformed_syntax")
            return new CbQuerySyntaxException($"Received query syntax error for {method} {path}: {detail}", status, serverMessage, method, path);
        return new CbClientException($"Received error code {code} from API for {method} {path}: {detail}", status, serverMessage, method, path);
    }

    /// <summary>The body as text for a message, cut to a readable length.</summary>
    public static string BodyText(ReadOnlySpan<byte> body)
    {
        var cut = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] : body;
        var text = Encoding.UTF8.GetString(cut).Trim();
        return body.Length > MaxBodyInMessage ? text + "…" : text;
    }

    /// <summary>The server's own words from a JSON error body: <c>errorMessage</c>, <c>reason</c> or <c>message</c>.</summary>
    private static string? ServerMessage(ReadOnlySpan<byte> body, out string? reason)
    {
        reason = null;
        if (body.IsEmpty || (body[0] != (byte)'{'))
            return null;
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String)
                reason = r.GetString();
            foreach (var name in (ReadOnlySpan<string>)["errorMessage", "message", "reason", "error"])
                if (root.TryGetProperty(name, out var m) && m.ValueKind == JsonValueKind.String)
                    return m.GetString();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
