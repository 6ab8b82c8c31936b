using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CbTyped.Cli.Tests;

/// <summary>What the CLI does with a hostile server or unsafe local input: a wrong-typed field, a credentials file
/// others can read, a token with a line break.</summary>
public sealed class HostileInputTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cbtyped-hostile-").FullName;

    public void Dispose()
    {
        emulator.Emulator.Overrides.Clear();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_field_of_the_wrong_json_type_is_a_server_error_naming_what_is_wrong()
    {
        // The sensor list as the emulator sends it, but one sensor's group_id is a string: the generated getter
        // throws when the table first reads it.
        using var http = new HttpClient { BaseAddress = emulator.Emulator.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Auth-Token", EmulatorFixture.Token);
        var sensor = (await http.GetFromJsonAsync<JsonObject>("/api/v1/sensor/1"))!;
        sensor["group_id"] = "not a number";
        var page = new JsonObject { ["results"] = new JsonArray(sensor), ["total_results"] = 1, ["start"] = 0, ["facets"] = new JsonObject() };
        emulator.Emulator.Overrides.ServeJson("/api/v2/sensor", page.ToJsonString());

        var run = await CliRun.RunAsync(["sensor", "list", .. emulator.Connection]);

        Assert.Equal(7, run.ExitCode);
        var line = Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("cbtyped: the server sent invalid JSON: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", line, StringComparison.Ordinal);
        Assert.True(line.Length > "cbtyped: the server sent invalid JSON: ".Length + 5, line); // the exception's own words follow
    }

    [Fact]
    public async Task A_credentials_file_others_can_read_gets_a_warning_on_standard_error()
    {
        if (OperatingSystem.IsWindows())
            return; // POSIX permissions only
        var text = $"[default]\nurl = {emulator.Url}\ntoken = {EmulatorFixture.Token}\n";
        var open = Path.Combine(_directory, "open");
        File.WriteAllText(open, text);
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var closed = Path.Combine(_directory, "closed");
        File.WriteAllText(closed, text);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var warned = await CliRun.RunAsync("server", "info", "--credentials-file", open);
        Assert.Equal(0, warned.ExitCode);
        var line = Assert.Single(warned.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal($"cbtyped: warning: Credentials file {open} can be read by group or others; restrict it with 'chmod 600 {open}'", line);
        Assert.DoesNotContain(EmulatorFixture.Token, warned.Error, StringComparison.Ordinal);

        var quiet = await CliRun.RunAsync("server", "info", "--credentials-file", closed);
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal("", quiet.Error);
    }

    [Fact]
    public async Task A_missing_credentials_file_exits_3()
    {
        var run = await CliRun.RunAsync("server", "info", "--credentials-file", Path.Combine(_directory, "absent"));
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("absent not found", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("secret-token\r\nX-Injected: 1")]
    [InlineData("secret-token\n")]
    [InlineData("secret\0token")]
    public async Task A_token_with_a_control_character_is_refused_before_any_request(string token)
    {
        var before = emulator.Emulator.RequestLog.Count;

        var run = await CliRun.RunAsync("server", "info", "--url", emulator.Url, "--token", token);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("The API token (parameter 'token') contains a ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, emulator.Emulator.RequestLog.Count);
    }

    [Fact]
    public async Task A_credentials_file_token_with_a_cr_is_refused_naming_file_and_line()
    {
        var file = Path.Combine(_directory, "credentials.response");
        File.WriteAllText(file, $"[default]\nurl = {emulator.Url}\ntoken = secret-token\rX-Injected: 1\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite); // no permission warning in the way

        var run = await CliRun.RunAsync("server", "info", "--credentials-file", file);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains($"{file}, line 3: a CR (U+000D) in the value of 'token'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", run.Error, StringComparison.Ordinal);
    }
}
