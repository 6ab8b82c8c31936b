using System.Text.Json;

namespace CbTyped.Events.JsonEvents;

/// <summary>Reads and writes a hit's <c>docs[]</c>.</summary>
internal static class JsonEventDocuments
{
    public static IReadOnlyList<CbHitDocument> Read(JsonElement json)
    {
        if (!JsonFields.TryGet(json, "docs", out var docs) || docs.ValueKind != JsonValueKind.Array)
            return [];
        var list = new List<CbHitDocument>(docs.GetArrayLength());
        foreach (var doc in docs.EnumerateArray())
            if (doc.ValueKind == JsonValueKind.Object)
                list.Add(new CbHitDocument(doc));
        return list;
    }

    public static void Write(Utf8JsonWriter writer, IReadOnlyList<CbHitDocument> documents)
    {
        if (documents.Count == 0)
            return;
        writer.WriteStartArray("docs");
        foreach (var doc in documents)
            doc.Json.WriteTo(writer);
        writer.WriteEndArray();
    }
}
