using System.Buffers;
using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped;

/// <summary>
/// What a save's answer means, as cbapi's save intended (its bugs fixed): nothing or non-JSON → refresh;
/// exactly <c>{"result":"success"}</c> → refresh, any other result → error; exactly <c>{"id":n}</c> (or a list of ids)
/// → take the id, then refresh; any other object → it is the saved object.
/// </summary>
internal static class CbSaveResponse
{
    public enum Outcome
    {
        Refresh,
        NewKeyThenRefresh,
        Replace,
    }

    public static (Outcome Outcome, string? NewKey, ReadOnlyMemory<byte> Document) Interpret(
        byte[] body, int status, string method, string path, CbModelInfo info, string verb)
    {
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            return (Outcome.Refresh, null, default);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return (Outcome.Refresh, null, default);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                var items = root.EnumerateArray().ToList();
                if (items.Count > 0 && items[0].ValueKind is JsonValueKind.String or JsonValueKind.Number)
                    return (Outcome.NewKeyThenRefresh, CbListFilter.AsText(items[0].GetRawText()), default);
                if (items.Count == 1 && items[0].ValueKind == JsonValueKind.Object)
                    return (Outcome.Replace, null, System.Text.Encoding.UTF8.GetBytes(items[0].GetRawText()));
                return (Outcome.Refresh, null, default);
            }
            if (root.ValueKind != JsonValueKind.Object)
                return (Outcome.Refresh, null, default);

            if (root.TryGetProperty("errorMessage", out var error))
                throw new CbServerException($"Did not {verb} {info.Name} record: {error}", status, error.ToString(), method, path);
            var members = root.EnumerateObject().ToList();
            if (members.Count == 1 && members[0].Name == "result")
            {
                var result = CbListFilter.AsText(members[0].Value.GetRawText());
                return result == "success"
                    ? (Outcome.Refresh, null, default)
                    : throw new CbServerException($"Did not {verb} {info.Name} record: the server answered result '{result}'.", status, result, method, path);
            }
            if (members.Count == 1 && info.Key.Fields.Count == 1 && (members[0].Name == "id" || members[0].Name == info.Key.Fields[0]))
                return (Outcome.NewKeyThenRefresh, CbListFilter.AsText(members[0].Value.GetRawText()), default);
            return (Outcome.Replace, null, body);
        }
    }

    /// <summary>The document with one member set (added or replaced), for writing a new key into a model.</summary>
    public static byte[] WithMember(ReadOnlyMemory<byte> document, string name, string value, bool asNumber)
    {
        var buffer = new ArrayBufferWriter<byte>(document.Length + name.Length + value.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer, CbJson.WriterOptions))
        {
            writer.WriteStartObject();
            if (!document.IsEmpty)
            {
                using var existing = JsonDocument.Parse(document);
                foreach (var member in existing.RootElement.EnumerateObject())
                    if (member.Name != name)
                        member.WriteTo(writer);
            }
            if (asNumber)
                writer.WriteNumber(name, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
            else
                writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
