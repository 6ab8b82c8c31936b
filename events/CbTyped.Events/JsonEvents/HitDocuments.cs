using System.Text;
using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Events.JsonEvents;

/// <summary>
/// A hit's <c>docs[]</c>, each element read by the generated reader of its model: process documents on keys that end
/// in <c>.process</c>, binary documents on keys that end in <c>.binary</c>.
/// </summary>
internal sealed class HitDocuments
{
    private HitDocuments(IReadOnlyList<ProcessDocument> processes, IReadOnlyList<BinaryDocument> binaries)
    {
        Processes = processes;
        Binaries = binaries;
    }

    public IReadOnlyList<ProcessDocument> Processes { get; }

    public IReadOnlyList<BinaryDocument> Binaries { get; }

    public static bool IsBinaryKey(string routingKey) => routingKey.EndsWith(".binary", StringComparison.Ordinal);

    public static HitDocuments Read(string routingKey, JsonElement json, ICbModelSession? client)
    {
        if (!json.TryGetProperty("docs", out var docs) || docs.ValueKind != JsonValueKind.Array)
            return new HitDocuments([], []);
        return IsBinaryKey(routingKey)
            ? new HitDocuments([], Load<BinaryDocument>(docs, client))
            : new HitDocuments(Load<ProcessDocument>(docs, client), []);
    }

    public void Attach(ICbModelSession? client)
    {
        foreach (var doc in Processes)
            doc.Client = client;
        foreach (var doc in Binaries)
            doc.Client = client;
    }

    private static List<T> Load<T>(JsonElement docs, ICbModelSession? client) where T : CbModel, ICbModel<T>
    {
        var list = new List<T>(docs.GetArrayLength());
        foreach (var element in docs.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
                continue;
            var doc = T.CreateInstance();
            doc.LoadJson(Encoding.UTF8.GetBytes(element.GetRawText()));
            doc.Client = client;
            list.Add(doc);
        }
        return list;
    }
}
