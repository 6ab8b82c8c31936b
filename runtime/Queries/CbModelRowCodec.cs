using CbTyped.Modeling;
using CbTyped.Modeling.Json;

namespace CbTyped;

/// <summary>Rows as models, read by the generated one-pass page reader; each row keeps a slice of the page.</summary>
internal sealed class CbModelRowCodec<T>(ICbModelSession client, bool rowsAreFull) : ICbRowCodec<T>
    where T : CbModel, ICbModel<T>
{
    public (IReadOnlyList<T> Rows, long? Total) ReadPage(byte[] body, string method, string path)
    {
        try
        {
            var page = CbSearchPageReader.Read<T>(body, client, rowsAreFull);
            return (page.Results, page.TotalResults);
        }
        catch (CbJsonException e)
        {
            throw CbModelJson.ParseError(e, body, method, path);
        }
    }

    public string? RawField(T row, string jsonName) => row.GetRawValue(jsonName);

    public T ReadSingle(byte[] body, string method, string path)
    {
        var model = T.CreateInstance();
        CbModelJson.Load(model, body, method, path);
        model.Client = client;
        return model;
    }
}

/// <summary>Loads model documents, turning a JSON fault into a server error that names the request.</summary>
internal static class CbModelJson
{
    public static void Load(CbModel model, ReadOnlyMemory<byte> body, string method, string path, bool keepChanges = false)
    {
        try
        {
            if (keepChanges)
                model.LoadJsonKeepingChanges(body);
            else
                model.LoadJson(body);
        }
        catch (CbJsonException e)
        {
            throw ParseError(e, body, method, path);
        }
    }

    public static CbServerException ParseError(Exception e, ReadOnlyMemory<byte> body, string method, string path) =>
        new($"Cannot parse response as JSON for {method} {path} ({body.Length} bytes): {e.Message}", 200,
            CbErrorMapper.BodyText(body.Span), method, path, e);
}
