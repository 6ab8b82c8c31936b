using System.Diagnostics;
using System.Globalization;

namespace CbTyped.Cli.Output;

/// <summary>
/// A one-line progress bar on standard error, drawn only when standard error is a terminal (never into a pipe or a
/// log file) and redrawn at most ten times a second. Disposing it clears the line.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private const int BarWidth = 30;
    private readonly TextWriter _terminal;
    private readonly string _label;
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private bool _drawn;

    private ProgressBar(TextWriter terminal, string label)
    {
        _terminal = terminal;
        _label = label;
    }

    /// <summary>A bar, or null when progress must not be drawn (redirected stderr, --no-progress, --json).</summary>
    public static ProgressBar? Start(OutputContext context, string label) =>
        context.ShowProgress ? new ProgressBar(context.Error, label) : null;

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> (null total: unknown, shows a count).</summary>
    public void Report(long done, long? total, string unit)
    {
        if (_drawn && _sinceDraw.ElapsedMilliseconds < 100 && done != total)
            return;
        _sinceDraw.Restart();
        string line;
        if (total is > 0)
        {
            var fraction = Math.Clamp((double)done / total.Value, 0, 1);
            var filled = (int)Math.Round(fraction * BarWidth);
            line = string.Create(CultureInfo.InvariantCulture,
                $"{_label} [{new string('#', filled)}{new string('.', BarWidth - filled)}] {fraction * 100,3:0}% {Format(done, unit)}/{Format(total.Value, unit)}");
        }
        else
        {
            line = _label + " " + Format(done, unit);
        }
        _terminal.Write("\r" + line + "\u001b[K");
        _terminal.Flush();
        _drawn = true;
    }

    public void Dispose()
    {
        if (!_drawn)
            return;
        _terminal.Write("\r\u001b[K");
        _terminal.Flush();
    }

    private static string Format(long value, string unit) => unit switch
    {
        "bytes" when value >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{value / 1048576.0:0.0} MiB"),
        "bytes" when value >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:0.0} KiB"),
        "bytes" => string.Create(CultureInfo.InvariantCulture, $"{value} B"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value} {unit}"),
    };
}
