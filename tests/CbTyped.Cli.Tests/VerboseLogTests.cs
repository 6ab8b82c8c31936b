using CbTyped.Cli.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CbTyped.Cli.Tests;

/// <summary>The --verbose log lines: every level, one line each, the token masked should a line carry it.</summary>
public sealed class VerboseLogTests
{
    [Fact]
    public void A_line_that_carries_the_token_shows_stars_instead()
    {
        using var error = new StringWriter { NewLine = "\n" };
        using var factory = new ErrorStreamLoggerFactory(error, "secret-token-123");
        var logger = factory.CreateLogger("CbTyped");

        logger.Log(LogLevel.Debug, new EventId(2), "Sending HTTP POST /api/v1/x with {\"token\": \"secret-token-123\"}\nsecond line", null, (text, _) => text);
        logger.Log(LogLevel.Warning, new EventId(4), "Retrying", null, (text, _) => text);

        Assert.Equal("cbtyped: debug: Sending HTTP POST /api/v1/x with {\"token\": \"***\"} second line\ncbtyped: warning: Retrying\n", error.ToString());
    }

    [Fact]
    public async Task A_width_of_zero_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("server", "info", "--width", "0", "--url", "https://127.0.0.1:1", "--token", "T");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--width must be a positive number", run.Error, StringComparison.Ordinal);
    }
}
