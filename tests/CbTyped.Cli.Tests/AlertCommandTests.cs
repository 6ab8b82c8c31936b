using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary><c>cbtyped alert search|resolve</c> against the seed's three alerts (two unresolved, one resolved).</summary>
public sealed class AlertCommandTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private const string MimikatzAlert = "a743ee18-ce1d-4fb3-adc5-f05a77c8996c";
    private const string BinaryAlert = "5c3e9d2a-1f0b-4c6e-9a8d-7b2e4f6a8c01";
    private const string ResolvedAlert = "0b9d1e44-6a2c-4f7b-8e31-2d5c9f7a4b12";

    [Fact]
    public async Task Search_lists_alerts_as_a_table_with_who_raised_them_and_as_json()
    {
        var table = await CliRun.RunAsync(["alert", "search", "hostname:WIN-IA9NQ1GN8OI", .. emulator.Connection]);
        Assert.Equal(0, table.ExitCode);
        var lines = table.Output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^Created \(UTC\)\s+Status\s+Severity\s+Host\s+Raised by\s+Process / file\s+ID$", lines[0]);
        var row = Assert.Single(lines[2..]);
        Assert.Matches(@"^2016-11-11 21:00:05Z\s+Resolved\s+33\.75\s+WIN-IA9NQ1GN8OI\s+USB drive usage\s+net\.exe\s+" + ResolvedAlert + "$", row);
        Assert.Equal("1 alert\n", table.Error.ReplaceLineEndings("\n"));

        var json = await CliRun.RunAsync(["alert", "search", "--json", "-n", "2", "--sort", "alert_severity desc", .. emulator.Connection]);
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Output);
        Assert.Equal([81.0, 50.625], doc.RootElement.EnumerateArray().Select(a => a.GetProperty("alert_severity").GetDouble()));
        Assert.Contains("2 alerts (--limit 2; there may be more)", json.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_by_id_resolves_that_alert_only_and_says_so_once_when_it_already_is()
    {
        var run = await CliRun.RunAsync(["alert", "resolve", MimikatzAlert, ResolvedAlert, .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"alert {MimikatzAlert}: resolved\nalert {ResolvedAlert}: already resolved\n", run.Output.ReplaceLineEndings("\n"));
        var status = await CliRun.RunAsync(["alert", "search", "unique_id:" + MimikatzAlert, "--json", .. emulator.Connection]);
        using var doc = JsonDocument.Parse(status.Output);
        Assert.Equal("Resolved", doc.RootElement[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Resolve_of_an_unknown_id_exits_5_before_changing_any_alert()
    {
        var run = await CliRun.RunAsync(["alert", "resolve", BinaryAlert, "00000000-0000-0000-0000-000000000000", .. emulator.Connection]);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal("cbtyped: alert 00000000-0000-0000-0000-000000000000 not found.\n", run.Error.ReplaceLineEndings("\n"));
        var status = await CliRun.RunAsync(["alert", "search", "unique_id:" + BinaryAlert, "--json", .. emulator.Connection]);
        using var doc = JsonDocument.Parse(status.Output);
        Assert.Equal("Unresolved", doc.RootElement[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Resolve_needs_ids_or_a_query_and_refuses_what_is_not_an_id()
    {
        var neither = await CliRun.RunAsync(["alert", "resolve", .. emulator.Connection]);
        Assert.Equal(2, neither.ExitCode);
        var both = await CliRun.RunAsync(["alert", "resolve", MimikatzAlert, "--query", "status:unresolved", .. emulator.Connection]);
        Assert.Equal(2, both.ExitCode);
        var notAnId = await CliRun.RunAsync(["alert", "resolve", "x OR status:unresolved", .. emulator.Connection]);
        Assert.Equal(2, notAnId.ExitCode);
        Assert.Contains("is not an alert id", notAnId.Error, StringComparison.Ordinal);
    }
}

/// <summary><c>cbtyped alert resolve --query</c> (its own emulator: it changes alerts the other tests read).</summary>
public sealed class AlertBulkResolveTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Resolve_with_a_query_resolves_every_match_and_counts_them()
    {
        var run = await CliRun.RunAsync(["alert", "resolve", "--query", "-status:Resolved", .. emulator.Connection]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2 alerts resolved\n", run.Output.ReplaceLineEndings("\n"));

        var left = await CliRun.RunAsync(["alert", "search", "-status:Resolved", .. emulator.Connection]);
        Assert.Equal("0 alerts\n", left.Error.ReplaceLineEndings("\n"));

        var again = await CliRun.RunAsync(["alert", "resolve", "-q", "-status:Resolved", "--json", .. emulator.Connection]);
        Assert.Equal(0, again.ExitCode);
        using var doc = JsonDocument.Parse(again.Output);
        Assert.Equal(0, doc.RootElement.GetProperty("resolved").GetInt32());
    }
}
