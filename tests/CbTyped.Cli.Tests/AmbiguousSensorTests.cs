namespace CbTyped.Cli.Tests;

/// <summary>A host name two sensors have (a reinstalled endpoint): exit 10, naming both ids. Its own emulator, since
/// the sensor list is overridden.</summary>
public sealed class AmbiguousSensorTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task An_ambiguous_host_name_exits_10_listing_the_matches()
    {
        // The SDK pages sensors through /api/v2/sensor.
        emulator.Emulator.Overrides.ServeJson("/api/v2/sensor", """
            {"total_results": 3, "start": 0, "facets": {}, "results": [{"id": 7, "computer_name": "DUP-HOST", "status": "Offline", "last_checkin_time": "2026-01-01 10:00:00.000000-00:00"},
             {"id": 9, "computer_name": "dup-host", "status": "Online", "last_checkin_time": "2026-02-01 10:00:00.000000-00:00"},
             {"id": 11, "computer_name": "DUP-HOST-2", "status": "Online"}]}
            """);

        var run = await CliRun.RunAsync(["lr", "ps", "DUP-HOST", .. emulator.Connection]);

        Assert.True(run.ExitCode == 10, run.Error);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cbtyped: 2 sensors have the host name 'DUP-HOST'; name one by id: 7 (Offline, ", line, StringComparison.Ordinal);
        Assert.Contains("; 9 (Online, last check-in 2026-02-01 10:00:00Z)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("11", line, StringComparison.Ordinal);
    }
}
