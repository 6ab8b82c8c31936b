using System.Diagnostics;
using System.Globalization;

namespace CbTyped.Cli.Output;

/// <summary>
/// A one-line progress bar on standard error, drawn only when standard error is a terminal (never into a pipe or a
/// log file: there nothing is written) and redrawn at most ten times a second. The line fits the terminal's width:
/// the bar takes what the label, count, rate and time left leave, and goes first when space is short; the text is cut
/// last. Disposing it clears the line.
/// </summary>
internal sealed class ProgressBar : IDisposable
{
    private const int DefaultWidth = 80;
    private const int MinBarWidth = 10;
    private readonly TextWriter _terminal;
    private readonly string _label;
    private readonly int _width;
    private readonly Func<TimeSpan> _elapsed;
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private bool _drawn;

    internal ProgressBar(TextWriter terminal, string label, int? width, Func<TimeSpan>? elapsed = null)
    {
        _terminal = terminal;
        _label = label;
        // One column short of the width: a line that fills the last column wraps on some terminals.
        _width = Math.Max(1, (width ?? DefaultWidth) - 1);
        var clock = Stopwatch.StartNew();
        _elapsed = elapsed ?? (() => clock.Elapsed);
    }

    /// <summary>A bar, or null when progress must not be drawn (redirected stderr, --no-progress, --json).</summary>
    public static ProgressBar? Start(OutputContext context, string label) =>
        context.ShowProgress ? new ProgressBar(context.Error, label, context.Width) : null;

    /// <summary>Reports <paramref name="done"/> of <paramref name="total"/> (null total: unknown, shows a count).</summary>
    public void Report(long done, long? total, string unit)
    {
        if (_drawn && _sinceDraw.ElapsedMilliseconds < 100 && done != total)
            return;
        _sinceDraw.Restart();
        _terminal.Write("\r" + Line(done, total, unit) + "\u001b[K");
        _terminal.Flush();
        _drawn = true;
    }

    /// <summary>Clears the line (before a table row goes to the same terminal); the next report draws it again.</summary>
    public void Clear()
    {
        if (!_drawn)
            return;
        _terminal.Write("\r\u001b[K");
        _terminal.Flush();
        _drawn = false;
    }

    public void Dispose() => Clear();

    /// <summary>The text of the line for a report, at most the width.</summary>
    internal string Line(long done, long? total, string unit)
    {
        var elapsed = _elapsed();
        var seconds = elapsed.TotalSeconds;
        var rate = seconds >= 0.5 ? done / seconds : (double?)null;
        var bytes = unit == "bytes";
        var count = total is not > 0 ? Format(done, unit)
            : bytes ? $"{Format(done, unit)}/{Format(total.Value, unit)}"
            : string.Create(CultureInfo.InvariantCulture, $"{done}/{total.Value} {unit}");
        var speed = rate is not { } r ? "" : bytes ? " " + Format((long)r, unit) + "/s" : string.Create(CultureInfo.InvariantCulture, $" {(long)r}/s");
        var left = rate is > 0 && total is > 0 && done < total ? " " + Duration(TimeSpan.FromSeconds((total.Value - done) / rate.Value)) + " left" : "";
        var text = $" {count}{speed}{left}";

        if (total is > 0)
        {
            var fraction = Math.Clamp((double)done / total.Value, 0, 1);
            var percent = string.Create(CultureInfo.InvariantCulture, $" {fraction * 100,3:0}%");
            var barWidth = _width - _label.Length - percent.Length - text.Length - 3; // " [" and "]"
            if (barWidth >= MinBarWidth)
            {
                var filled = (int)Math.Round(fraction * barWidth);
                return $"{_label} [{new string('#', filled)}{new string('.', barWidth - filled)}]{percent}{text}";
            }
            text = percent + text;
        }
        return TableLayout.Fit(_label + text, _width);
    }

    private static string Duration(TimeSpan time) =>
        time.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{time.Minutes}:{time.Seconds:00}");

    private static string Format(long value, string unit) => unit switch
    {
        "bytes" when value >= 1 << 20 => string.Create(CultureInfo.InvariantCulture, $"{value / 1048576.0:0.0} MiB"),
        "bytes" when value >= 1 << 10 => string.Create(CultureInfo.InvariantCulture, $"{value / 1024.0:0.0} KiB"),
        "bytes" => string.Create(CultureInfo.InvariantCulture, $"{value} B"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{value} {unit}"),
    };
}
