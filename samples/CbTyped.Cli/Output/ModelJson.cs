using System.Text.Json;
using CbTyped.Modeling;

namespace CbTyped.Cli.Output;

/// <summary>Writes models as JSON with their generated writers (reflection-free; unknown server fields included).</summary>
internal static class ModelJson
{
    public static void Write<T>(Utf8JsonWriter writer, T model)
        where T : CbModel, ICbModel<T> =>
        T.ModelInfo.Write(writer, model, CbWriteMode.Full);
}
