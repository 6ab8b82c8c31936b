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
            return (page.Values, page.TotalResults);
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
