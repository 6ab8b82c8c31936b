using System.Text.Json;

namespace CbTyped;

/// <summary>Rows as raw UTF-8 JSON slices of the page (tests and untyped callers).</summary>
internal sealed class CbRawRowCodec : ICbRowCodec<ReadOnlyMemory<byte>>
{
    public static CbRawRowCodec Instance { get; } = new();

    public (IReadOnlyList<ReadOnlyMemory<byte>> Rows, long? Total) ReadPage(byte[] body, string method, string path)
    {
        var page = CbRowPage.Parse(body, method, path);
        return (page.Rows, page.TotalResults);
    }

    public ReadOnlyMemory<byte> ReadSingle(byte[] body, string method, string path) => body;

    public string? RawField(ReadOnlyMemory<byte> row, string jsonName)
    {
        using var document = JsonDocument.Parse(row);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(jsonName, out var value)
            ? value.GetRawText()
            : null;
    }
}
