using System.Globalization;
using System.Runtime.InteropServices;
using CbTyped.Emulator.Hosting;

namespace CbTyped.Emulator;

/// <summary>
/// The emulator as a server, as the <c>cbtyped-emulator</c> tool runs it:
/// <c>--port 0 --token TOKEN [--tls] [--processes N] [--seed S] [--latency 200ms] [--amqp URL [--amqp-rate N]]</c>.
/// The first line on stdout is <c>Listening on &lt;url&gt;</c>; one line per request goes to stderr; Ctrl-C or SIGTERM
/// stops it cleanly.
/// </summary>
public static class CbEmulatorCommandLine
{
    private const string Usage =
        "usage: cbtyped-emulator [--port N] [--token TOKEN] [--tls [--cert-out FILE.pem]] [--processes N] [--seed S]\n"
        + "                        [--server-version V] [--polls-until-checkin N] [--large-binary-size BYTES]\n"
        + "                        [--lr-polls-until-active N] [--lr-command-polls N] [--events-per-segment N] [--legacy-partition]\n"
        + "                        [--latency 200ms] [--quiet] [--amqp amqp://user:password@host:port/vhost [--amqp-rate EVENTS_PER_SECOND]]";

    /// <summary>
    /// Parses <paramref name="args"/>, starts the emulator and serves until SIGINT (Ctrl-C) or SIGTERM.
    /// </summary>
    /// <returns>0 after a clean stop; 2 for bad arguments (the message and the usage go to stderr).</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        CbEmulatorOptions options;
        string? certificateFile;
        bool quiet;
        try
        {
            (options, certificateFile, quiet) = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + "\n" + Usage);
            return 2;
        }

        if (!quiet)
        {
            options.RequestLogWriter = Console.Error;
        }

        var generatedToken = string.IsNullOrEmpty(options.Token);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var emulator = await CbEmulator.StartAsync(options);
        Console.Out.WriteLine("Listening on " + emulator.BaseUrl.ToString().TrimEnd('/'));
        if (generatedToken)
        {
            Console.Out.WriteLine("Token: " + emulator.Token);
        }

        if (certificateFile is not null && emulator.CertificatePem is { } pem)
        {
            await File.WriteAllTextAsync(certificateFile, pem);
            Console.Out.WriteLine("Certificate: " + Path.GetFullPath(certificateFile));
        }

        if (options.AmqpUrl is { } bus)
        {
            // The URL without its user and password: those are never printed.
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Publishing to {bus.Scheme}://{bus.Host}:{bus.Port}{bus.AbsolutePath} exchange api.events, {options.BusEventsPerSecond} events/s"));
        }

        Console.Out.Flush();
        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"CbTyped emulator: {emulator.ProcessCount} processes, server version {options.ServerVersion}; Ctrl-C to stop"));
        // CPU time next to wall time: on a shared, overloaded machine the wall time says little on its own.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        await Console.Error.WriteLineAsync("CbTyped emulator: start-up " + string.Join(", ", emulator.StartupTimings.Select(t =>
            string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value.TotalSeconds:0.000} s")))
            + string.Create(CultureInfo.InvariantCulture, $"; process CPU time so far {cpu.TotalSeconds:0.000} s"));
        await stopped.Task;
        await Console.Error.WriteLineAsync("CbTyped emulator: stopping");
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }

    internal static (CbEmulatorOptions Options, string? CertificateFile, bool Quiet) Parse(string[] args)
    {
        var options = new CbEmulatorOptions();
        string? certificateFile = null;
        var quiet = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
            int NextInt() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
                ? n : throw new ArgumentException("expected a non-negative number after " + args[i - 1]);
            switch (args[i])
            {
                case "--port": options.Port = NextInt(); break;
                case "--token": options.Token = Next(); break;
                case "--tls": options.UseTls = true; break;
                case "--cert-out": certificateFile = Next(); break;
                case "--processes": options.Processes = NextInt(); break;
                case "--seed": options.Seed = NextInt(); break;
                case "--server-version": options.ServerVersion = Next(); break;
                case "--polls-until-checkin": options.PollsUntilCheckin = NextInt(); break;
                case "--lr-polls-until-active": options.LiveResponsePollsUntilActive = NextInt(); break;
                case "--lr-command-polls": options.LiveResponseCommandPolls = NextInt(); break;
                case "--events-per-segment": options.EventsPerSegment = NextInt(); break;
                case "--legacy-partition": options.LegacyPartition = true; break;
                case "--large-binary-size":
                    options.LargeBinarySize = long.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0
                        ? size : throw new ArgumentException("expected a byte count after --large-binary-size");
                    break;
                case "--latency": options.Latency = LatencyMiddleware.Parse(Next()); break;
                case "--quiet": quiet = true; break;
                case "--amqp":
                    options.AmqpUrl = Uri.TryCreate(Next(), UriKind.Absolute, out var amqp) && amqp.Scheme is "amqp" or "amqps"
                        ? amqp : throw new ArgumentException("expected an amqp:// or amqps:// URL after --amqp");
                    break;
                case "--amqp-rate":
                    options.BusEventsPerSecond = double.TryParse(Next(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 10_000
                        ? rate : throw new ArgumentException("expected events per second (0-10000) after --amqp-rate");
                    break;
                case "-h" or "--help": throw new ArgumentException("CbTyped emulator: a local Cb Response server.");
                default: throw new ArgumentException("unknown option " + args[i]);
            }
        }

        return (options, certificateFile, quiet);
    }
}
