using CbTyped.Modeling;
using CbTyped.Modeling.Json;

namespace CbTyped;

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
