using System.Diagnostics;

namespace CbTyped.Emulator.Tests;

/// <summary>The runnable server (the cbtyped-emulator tool): first stdout line, a request line per request on stderr, clean stop.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task The_server_prints_its_url_first_logs_requests_and_stops_on_sigterm()
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "cbtyped-emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { exe, "--port", "0", "--token", "script-token", "--processes", "100" })
        {
            start.ArgumentList.Add(arg);
        }

        using var server = Process.Start(start)!;
        var stderr = new System.Text.StringBuilder();
        server.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
        server.BeginErrorReadLine();
        try
        {
            var first = await server.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Matches(@"^Listening on http://127\.0\.0\.1:\d+$", first);
            using var http = new HttpClient { BaseAddress = new Uri(first!["Listening on ".Length..]) };
            http.DefaultRequestHeaders.Add("X-Auth-Token", "script-token");
            using (var response = await http.GetAsync("/api/v1/sensor/3"))
            {
                Assert.True(response.IsSuccessStatusCode);
            }

            using (var faulted = await http.GetAsync("/api/info?emulator.fault=503"))
            {
                Assert.Equal(503, (int)faulted.StatusCode);
            }

            // SIGTERM: the server stops by itself with exit code 0.
            using (var kill = Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
                Assert.Equal(0, kill.ExitCode);
            }

            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, server.ExitCode);
            server.WaitForExit();
            var log = stderr.ToString();
            Assert.Contains("GET /api/v1/sensor/3 -> 200", log, StringComparison.Ordinal);
            Assert.Contains("GET /api/info?emulator.fault=503 -> 503", log, StringComparison.Ordinal);
            Assert.DoesNotContain("script-token", log, StringComparison.Ordinal);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
            }
        }
    }
}
