using CbTyped.Modeling;

namespace CbTyped.Cli.Output;

/// <summary>What every list command prints: the models as one JSON array with <c>--json</c>, else a table.</summary>
internal static class ModelList
{
    public static void Write<T>(OutputContext output, IReadOnlyList<T> rows, IReadOnlyList<Column<T>> columns)
        where T : CbModel, ICbModel<T>
    {
        if (output.Json)
            ModelJson.WriteArray(output, rows);
        else
            TableWriter.Write(output.Output, rows, columns);
    }
}
