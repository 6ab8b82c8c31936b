using CbTyped.Cli.Output;

namespace CbTyped.Cli.Tests;

/// <summary>The progress line at 40, 80 and 200 columns: it never reaches the last column, and shows rate and time left.</summary>
public sealed class ProgressBarTests
{
    // 10 s after the start, 2,500 of 10,000 rows: 250 rows/s, 30 s left.
    private static string Line(int width, long done = 2500, long? total = 10000, string unit = "processes") =>
        new ProgressBar(TextWriter.Null, "searching", width, () => TimeSpan.FromSeconds(10)).Line(done, total, unit);

    [Fact]
    public void At_40_columns_the_bar_gives_way_to_the_numbers_and_the_line_is_cut()
    {
        Assert.Equal("searching  25% 2500/10000 processes 25…", Line(40));
    }

    [Fact]
    public void At_80_columns_the_bar_fills_what_the_numbers_leave()
    {
        Assert.Equal("searching [######...................]  25% 2500/10000 processes 250/s 0:30 left", Line(80));
    }

    [Fact]
    public void At_200_columns_the_bar_is_wide()
    {
        var line = Line(200);
        Assert.Equal(199, line.Length);
        Assert.EndsWith("]  25% 2500/10000 processes 250/s 0:30 left", line, StringComparison.Ordinal);
        Assert.StartsWith("searching [" + new string('#', 30), line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(80)]
    [InlineData(200)]
    public void No_line_reaches_the_last_column(int width)
    {
        foreach (var (done, total) in new (long, long?)[] { (0, 10000), (9999, 10000), (10000, 10000), (123456789, null) })
            Assert.True(Line(width, done, total, "bytes").Length < width);
    }

    [Fact]
    public void Bytes_show_a_rate_and_time_left()
    {
        var line = Line(200, 50L << 20, 100L << 20, "bytes");
        Assert.EndsWith("50% 50.0 MiB/100.0 MiB 5.0 MiB/s 0:10 left", line, StringComparison.Ordinal);
    }
}
