using System.Globalization;
using System.Text.Json;

namespace CbTyped.Scripts;

/// <summary>Values written the way Python's <c>print</c> and <c>str()</c> write them, so a port's output matches the
/// cbapi script's line for line.</summary>
public static class PythonText
{
    /// <summary><c>str(value)</c> of a JSON value: strings bare, <c>True</c>/<c>False</c>/<c>None</c>, lists and
    /// dicts as Python prints them.</summary>
    public static string Of(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "True",
        JsonValueKind.False => "False",
        JsonValueKind.Null => "None",
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Repr)) + "]",
        JsonValueKind.Object => "{" + string.Join(", ", value.EnumerateObject().Select(p => $"'{p.Name}': {Repr(p.Value)}")) + "}",
        _ => value.GetRawText(),
    };

    /// <summary><c>repr(value)</c>: strings quoted, the rest as <see cref="Of(JsonElement)"/>.</summary>
    public static string Repr(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? "'" + value.GetString()!.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'"
            : Of(value);

    /// <summary>A bool, or <c>None</c> when there is none.</summary>
    public static string Of(bool? value) => value switch { true => "True", false => "False", null => "None" };

    /// <summary><c>str(datetime)</c>: microseconds only when there are any; <c>None</c> when there is no time.</summary>
    public static string Of(DateTimeOffset? time) => time switch
    {
        null => "None",
        { } t => t.ToString(t.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
    };

    /// <summary><c>time.asctime(time.gmtime(t))</c>: <c>Thu Nov  3 09:05:01 2016</c> (the day padded with a space).</summary>
    public static string AscTime(DateTime time) =>
        time.ToString("ddd MMM ", CultureInfo.InvariantCulture) + time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
        + time.ToString(" HH:mm:ss yyyy", CultureInfo.InvariantCulture);
}
