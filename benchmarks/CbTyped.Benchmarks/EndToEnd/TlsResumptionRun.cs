using System.Diagnostics;
using System.Globalization;

namespace CbTyped.Benchmarks.EndToEnd;

/// <summary>
/// Whether the SDK's connections resume TLS sessions within a process, and what a new connection costs (docs/benchmarks.md,
/// "TLS sessions within a process"). Opens CONNECTIONS connections one after another, each through a handler of its own
/// built by <see cref="CbResponseClient.CreateHttpHandler"/> (so each request is a new TCP connection and a new TLS
/// handshake), and reads <c>/api/info</c> on each. Against <c>openssl s_server -www</c> the body is OpenSSL's status
/// page, which says of each connection whether its session was "New" or "Reused": that is the evidence. Against the
/// emulator the run reports the process CPU per connection, to compare with
/// <c>DOTNET_SYSTEM_NET_SECURITY_DISABLETLSRESUME=1</c> (.NET's switch that turns client resumption off):
/// <code>
/// openssl s_server -accept 5443 -www -cert cert.pem -key key.pem -quiet &amp;
/// dotnet CbTyped.Benchmarks.dll tls-resume https://127.0.0.1:5443 T 20
/// dotnet CbTyped.Benchmarks.dll tls-resume https://127.0.0.1:5099 T 200
/// </code>
/// Verification is off (both servers' certificates are self-signed); VERIFY=ca:FILE trusts FILE only instead.
/// </summary>
internal static class TlsResumptionRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            await Console.Error.WriteLineAsync("usage: tls-resume URL TOKEN CONNECTIONS [ca:FILE]");
            return 2;
        }
        var caFile = args.Length > 4 && args[4].StartsWith("ca:", StringComparison.Ordinal) ? args[4][3..] : null;
        var credentials = new CbCredentials(new Uri(args[1]), args[2]) { SslCertFile = caFile };
        var options = new CbResponseClientOptions { VerifyServerCertificate = credentials.SslCertFile is not null };
        var connections = int.Parse(args[3], CultureInfo.InvariantCulture);

        // The first connection outside the measurement: it pays the JIT and, where one is read, the trust store.
        await GetAsync(credentials, options);
        int fresh = 0, reused = 0, other = 0;
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < connections; i++)
        {
            var body = await GetAsync(credentials, options);
            if (body.Contains("Reused,", StringComparison.Ordinal))
                reused++;
            else if (body.Contains("New,", StringComparison.Ordinal))
                fresh++;
            else
                other++;
        }
        clock.Stop();
        self.Refresh();
        var perConnection = (self.TotalProcessorTime - cpu).TotalMilliseconds / connections;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"connections={connections} new={fresh} reused={reused} notOpenSsl={other} cpuPerConnection={perConnection:0.000} ms wallPerConnection={clock.Elapsed.TotalMilliseconds / connections:0.000} ms " +
            $"DOTNET_SYSTEM_NET_SECURITY_DISABLETLSRESUME={Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SECURITY_DISABLETLSRESUME") ?? "(unset)"}"));
        return 0;
    }

    private static async Task<string> GetAsync(CbCredentials credentials, CbResponseClientOptions options)
    {
        using var handler = CbResponseClient.CreateHttpHandler(credentials, options);
        using var http = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(credentials.Url, "/api/info"));
        request.Headers.Add("X-Auth-Token", credentials.Token);
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
