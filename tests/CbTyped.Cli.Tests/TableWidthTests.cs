using CbTyped.Cli.Output;

namespace CbTyped.Cli.Tests;

/// <summary>Tables fitted to 40, 80 and 200 columns (captured text compared whole), --wide, and the streaming layout.</summary>
public sealed class TableWidthTests
{
    private sealed record Row(string Start, string Host, string Process, long Pid, string CommandLine);

    private static readonly Column<Row>[] Columns =
    [
        new("Start (UTC)", r => r.Start),
        new("Host", r => r.Host),
        new("Process", r => r.Process),
        new("PID", r => r.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), AlignRight: true),
        new("Command line", r => r.CommandLine),
    ];

    private static readonly Row[] Rows =
    [
        new("2016-11-11 20:59:31Z", "WIN-IA9NQ1GN8OI", "net.exe", 3240, @"net  use y: \\test\blah"),
        new("2016-11-11 20:59:25Z", "HOSTNAME", "mimikatz.exe", 5016, @"""C:\Users\bit9rad\Downloads\mimikatz.exe"" privilege::debug sekurlsa::logonpasswords exit"),
    ];

    private static string Render(int? width, bool wide = false)
    {
        using var output = new StringWriter { NewLine = "\n" };
        var context = new OutputContext(output, TextWriter.Null, json: false, showProgress: false, () => Stream.Null, width, wide);
        TableWriter.Write(context, Rows, Columns);
        return output.ToString();
    }

    [Fact]
    public void At_40_columns_the_widest_columns_are_cut_to_fit_with_an_ellipsis()
    {
        Assert.Equal(
            """
            Start …  Host     Process   PID  Comman…
            -------  -------  -------  ----  -------
            2016-1…  WIN-IA…  net.exe  3240  net  u…
            2016-1…  HOSTNA…  mimika…  5016  "C:\Us…

            """.Replace("\r\n", "\n", StringComparison.Ordinal), Render(40));
    }

    [Fact]
    public void At_80_columns_only_the_widest_column_is_cut()
    {
        Assert.Equal(
            """
            Start (UTC)           Host             Process        PID  Command line
            --------------------  ---------------  ------------  ----  ---------------------
            2016-11-11 20:59:31Z  WIN-IA9NQ1GN8OI  net.exe       3240  net  use y: \\test\b…
            2016-11-11 20:59:25Z  HOSTNAME         mimikatz.exe  5016  "C:\Users\bit9rad\Do…

            """.Replace("\r\n", "\n", StringComparison.Ordinal), Render(80));
    }

    [Fact]
    public void At_200_columns_cells_are_capped_at_60_characters()
    {
        Assert.Equal(
            """
            Start (UTC)           Host             Process        PID  Command line
            --------------------  ---------------  ------------  ----  ------------------------------------------------------------
            2016-11-11 20:59:31Z  WIN-IA9NQ1GN8OI  net.exe       3240  net  use y: \\test\blah
            2016-11-11 20:59:25Z  HOSTNAME         mimikatz.exe  5016  "C:\Users\bit9rad\Downloads\mimikatz.exe" privilege::debug …

            """.Replace("\r\n", "\n", StringComparison.Ordinal), Render(200));
    }

    [Fact]
    public void Wide_shows_every_cell_whole_at_any_width()
    {
        var text = Render(40, wide: true);
        Assert.Contains(Rows[1].CommandLine, text, StringComparison.Ordinal);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_output_is_not_fitted_to_any_width()
    {
        var lines = Render(null).TrimEnd('\n').Split('\n');
        Assert.Equal(Render(200), Render(null));
        Assert.True(lines.Max(l => l.Length) > 80);
    }

    [Fact]
    public void Rows_are_written_while_later_ones_are_still_coming()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var table = new StreamingTable<int>(output, [new Column<int>("N", n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))], 80, wide: false);
        var page = StreamingTable<int>.LayoutRows;

        for (var i = 1; i < page; i++)
            table.Add(i);
        Assert.Equal("", output.ToString()); // the first page sizes the columns: held until complete

        table.Add(page);
        Assert.Equal(2 + page, output.ToString().TrimEnd('\n').Split('\n').Length);

        table.Add(page + 1); // every later row is written as it comes, in the first page's widths
        Assert.EndsWith("\n101\n", output.ToString(), StringComparison.Ordinal);
        table.Complete();
        Assert.Equal(3 + page, output.ToString().TrimEnd('\n').Split('\n').Length);
    }
}
