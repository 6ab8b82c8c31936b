using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;
using Xunit;

namespace CbTyped.Events.Tests.Fixtures;

/// <summary>
/// One private RabbitMQ node for the whole test run: its own node name, AMQP, distribution and epmd ports, data and
/// log directories under a temp folder, no plugins. Stopped, with the epmd it started, when the run ends. Debian's
/// <c>rabbitmq-server</c> wrapper, run as root, drops to the <c>rabbitmq</c> user, so the folder is chowned to it.
/// </summary>
public sealed class RabbitMqNode : IAsyncLifetime
{
    /// <summary>The command that installs what is missing (the tests fail with it rather than skip).</summary>
    public const string InstallCommand = "sudo scripts/install-rabbitmq   (Debian: apt-get install -y --no-install-recommends rabbitmq-server)";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cbtyped-rabbitmq-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _server;
    private readonly System.Text.StringBuilder _output = new();

    public string NodeName { get; } = $"cbtyped{Environment.ProcessId}@localhost";
    public int AmqpPort { get; } = FreePort();
    public int DistPort { get; } = FreePort();
    public int EpmdPort { get; } = FreePort();

    public async Task InitializeAsync()
    {
        // The README's test command must pass on a fresh machine: as root, install what is missing with the
        // repository's own script (the same one .ci/run calls); otherwise fail with the command that fixes it.
        if ((Which("rabbitmq-server") is null || Which("rabbitmqctl") is null) && Environment.UserName == "root")
            await RunAsync(Path.Combine(RepositoryRoot(), "scripts", "install-rabbitmq"), [], TimeSpan.FromMinutes(10));
        if (Which("rabbitmq-server") is null || Which("rabbitmqctl") is null)
            throw new InvalidOperationException($"rabbitmq-server is not installed; the event bus tests need it. Install it with: {InstallCommand}");
        Directory.CreateDirectory(Path.Combine(_dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_dir, "log"));
        File.WriteAllText(Path.Combine(_dir, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(_dir, "rabbitmq-env.conf"), "");
        if (Environment.UserName == "root")
            await RunAsync("chown", ["-R", "rabbitmq:rabbitmq", _dir], TimeSpan.FromSeconds(10));

        var start = Start("rabbitmq-server", []);
        start.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        start.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        start.Start();
        start.BeginOutputReadLine();
        start.BeginErrorReadLine();
        _server = start;

        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = AmqpPort };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync();
                return;
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !start.HasExited)
            {
                await Task.Delay(250);
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException e)
            {
                string output;
                lock (_output) output = _output.ToString();
                throw new InvalidOperationException($"The private RabbitMQ node {NodeName} did not accept AMQP on port {AmqpPort} within 60 s. Its output:\n{output}", e);
            }
        }
    }

    /// <summary>Runs <c>rabbitmqctl</c> against this node, e.g. <c>close_all_connections "test"</c>.</summary>
    public async Task<string> CtlAsync(params string[] arguments) =>
        await RunAsync("rabbitmqctl", ["-n", NodeName, .. arguments], TimeSpan.FromSeconds(60));

    public async Task DisposeAsync()
    {
        try
        {
            await CtlAsync("stop");
        }
        catch (InvalidOperationException)
        {
            // Stop by kill below.
        }
        if (_server is { HasExited: false })
        {
            if (!_server.WaitForExit(10_000))
                _server.Kill(entireProcessTree: true);
        }
        _server?.Dispose();
        try
        {
            // The epmd on our own port: nobody else's.
            await RunAsync("epmd", ["-port", EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "-kill"], TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
        }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private Process Start(string command, IReadOnlyList<string> arguments)
    {
        // As root, Debian's wrappers (/usr/sbin) switch to the rabbitmq user; anyone else runs the real scripts
        // with a private HOME, so the Erlang cookie is this run's own.
        var root = Environment.UserName == "root";
        var path = (!root && File.Exists(Path.Combine("/usr/lib/rabbitmq/bin", command)) ? Path.Combine("/usr/lib/rabbitmq/bin", command) : null)
            ?? Which(command) ?? command;
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
            info.ArgumentList.Add(a);
        if (!root)
            info.Environment["HOME"] = _dir;
        info.Environment["RABBITMQ_NODENAME"] = NodeName;
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_DIST_PORT"] = DistPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["ERL_EPMD_PORT"] = EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_dir, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_dir, "log");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_dir, "enabled_plugins");
        info.Environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_dir, "rabbitmq-env.conf");
        return new Process { StartInfo = info };
    }

    private async Task<string> RunAsync(string command, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        using var process = Start(command, arguments);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {command}: {e.Message}. Install it with: {InstallCommand}", e);
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}{await stdout}");
        return await stdout;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CbTyped.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("CbTyped.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Which(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/lib/rabbitmq/bin")
            .Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists);
}
