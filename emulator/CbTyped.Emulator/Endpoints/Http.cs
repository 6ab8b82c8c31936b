using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Response and request helpers every endpoint uses, so bodies and error shapes are the same everywhere.</summary>
internal static class Http
{
    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Json(JsonNode? node, int status = 200) =>
        Results.Text(node?.ToJsonString(WriteOptions) ?? "null", "application/json; charset=utf-8", statusCode: status);

    public static IResult Success() => Json(new JsonObject { ["result"] = "success" });

    public static IResult Id(int id) => Json(new JsonObject { ["id"] = id });

    /// <summary>The emulator's error body for 4xx/5xx.</summary>
    public static IResult Error(int status, string reason, string message) =>
        Json(new JsonObject { ["reason"] = reason, ["message"] = message }, status);

    public static IResult NotFound(string what) => Error(404, "not_found", what + " not found");

    public static IResult BadRequest(string message) => Error(400, "bad_request", message);

    /// <summary>Reads a JSON object body; null when the body is missing or not a JSON object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A string from a JSON value that may be a string, number or bool (Cb clients send either).</summary>
    public static string? AsString(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };

    public static int? AsInt(JsonNode? node) =>
        int.TryParse(AsString(node), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    public static bool? AsBool(JsonNode? node) => AsString(node)?.ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };
}
