using System.Globalization;

namespace CbTyped.Examples;

/// <summary>Formats values the way the document's Python prints them, so the output matches it line for line.</summary>
internal static class PythonFormat
{
    /// <summary>
    /// A process time as Python's <c>str(datetime)</c>: <c>2016-11-11 20:59:31.631000</c>, no fraction when it is
    /// zero. Cb sends sensor-local times marked Z, so the clock value is printed as is.
    /// </summary>
    public static string DateTime(DateTimeOffset? value)
    {
        if (value is not { } v)
            return "None";
        var clock = v.UtcDateTime;
        return clock.Ticks % TimeSpan.TicksPerSecond == 0
            ? clock.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : clock.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's <c>str(bool)</c>.</summary>
    public static string Bool(bool value) => value ? "True" : "False";
}
