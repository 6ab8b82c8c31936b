using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Faults;
using CbTyped.Emulator.Hosting;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CbTyped.Emulator;

/// <summary>
/// A running Cb Response emulator on 127.0.0.1:
/// <code>await using var emu = await CbEmulator.StartAsync(new CbEmulatorOptions());</code>
/// then point a client at <see cref="BaseUrl"/> with <see cref="Token"/>.
/// </summary>
public sealed class CbEmulator : IAsyncDisposable
{
    /// <summary>MD5 of the large generated binary (<see cref="CbEmulatorOptions.LargeBinarySize"/>).</summary>
    public const string LargeBinaryMd5 = DataSet.LargeBinaryMd5;

    private readonly WebApplication app;
    private Bus.BusPublisher? bus;

    private CbEmulator(WebApplication app, Uri baseUrl, string token, X509Certificate2? certificate, FaultInjector faults, RequestLog log, EmulatorState state, ResponseOverrides overrides)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Token = token;
        Certificate = certificate;
        Faults = faults;
        RequestLog = log;
        State = state;
        Overrides = overrides;
    }

    /// <summary>Where the emulator listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The token requests must carry in <c>X-Auth-Token</c>.</summary>
    public string Token { get; }

    /// <summary>The self-signed server certificate when TLS is on (it is its own CA: trust exactly this one).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>The certificate in PEM form, for clients configured with a CA file; null without TLS.</summary>
    public string? CertificatePem => Certificate?.ExportCertificatePem();

    /// <summary>Injects faults into upcoming requests.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Test answers for given paths instead of the endpoints' (hostile data the seed does not hold).</summary>
    public ResponseOverrides Overrides { get; }

    /// <summary>Every request served so far.</summary>
    public RequestLog RequestLog { get; }

    /// <summary>Bus messages published so far (with <see cref="CbEmulatorOptions.AmqpUrl"/>).</summary>
    public long BusMessagesPublished => bus?.Published ?? 0;

    /// <summary>Bus messages lost (outbox full, broker gone).</summary>
    public long BusMessagesFailed => bus?.Failed ?? 0;

    /// <summary>The routing keys <see cref="PublishEventAsync(string)"/> takes, as its steady stream cycles them: the server
    /// events the emulator builds from its data set (watchlist and feed hits, alerts, binaries observed and stored), the
    /// raw sensor events of its processes (<c>ingress.event.process</c>, <c>procend</c>, <c>moduleload</c>, <c>filemod</c>,
    /// <c>regmod</c>, <c>netconn</c>, <c>childproc</c>, <c>crossprocopen</c>, <c>remotethread</c>: one protobuf
    /// <c>CbEventMsg</c> each, with <c>env</c>), and <c>api.rawsensordata</c>: a zip bundle of one sensor's raw events on
    /// that exchange, the sensor in the message headers.</summary>
    public static IReadOnlyList<string> BusEventRoutingKeys => Bus.BusEventStream.RoutingKeys;

    /// <summary>
    /// Publishes one server event of <paramref name="routingKey"/>'s kind from the data set now (the next of that kind:
    /// each call another hit, alert, binary or process event, cycling), behind whatever is already announced, with the
    /// server's exchange, routing key and content type; completes when the broker has it. The JSON body is returned, so
    /// a test knows which process, watchlist or binary its automation should act on; for a raw event, the protobuf
    /// message in protobuf's JSON mapping (proto field names), and for a bundle a JSON array of its records. Needs
    /// <see cref="CbEmulatorOptions.AmqpUrl"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A routing key not in <see cref="BusEventRoutingKeys"/>.</exception>
    /// <exception cref="InvalidOperationException">Started without <see cref="CbEmulatorOptions.AmqpUrl"/>, or the broker is gone.</exception>
    public Task<string> PublishEventAsync(string routingKey) =>
        RequireBus().PublishNextAsync(routingKey ?? throw new ArgumentNullException(nameof(routingKey)));

    /// <summary>
    /// Publishes a process watchlist hit (<c>watchlist.hit.process</c>) for one process of the data set, as the server
    /// does when a watchlist's query matches it: the trigger of a containment playbook. Completes when the broker has
    /// it; returns the JSON body.
    /// </summary>
    /// <param name="watchlistId">A process watchlist of the emulator (the seed's are 1 and 2; one created through REST works too).</param>
    /// <param name="processId">The process's GUID (<c>Process.Id</c>).</param>
    /// <exception cref="ArgumentException">No such watchlist or process, or a binary watchlist.</exception>
    /// <exception cref="InvalidOperationException">Started without <see cref="CbEmulatorOptions.AmqpUrl"/>, or the broker is gone.</exception>
    public Task<string> PublishWatchlistHitAsync(int watchlistId, string processId) =>
        RequireBus().PublishWatchlistHitAsync(watchlistId, processId ?? throw new ArgumentNullException(nameof(processId)));

    /// <summary>
    /// Publishes a message of your own on <c>api.events</c> — a body the data set would not produce, a malformed one to
    /// test a handler's error path, another content type — behind what is already announced; completes when the broker
    /// has it.
    /// </summary>
    /// <exception cref="InvalidOperationException">Started without <see cref="CbEmulatorOptions.AmqpUrl"/>, or the broker is gone.</exception>
    public Task PublishEventAsync(string routingKey, ReadOnlyMemory<byte> body, string contentType = "application/json")
    {
        ArgumentException.ThrowIfNullOrEmpty(routingKey);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        return RequireBus().PublishAsync(routingKey, body.ToArray(), contentType);
    }

    private Bus.BusPublisher RequireBus() =>
        bus ?? throw new InvalidOperationException("The emulator publishes events only when it was started with CbEmulatorOptions.AmqpUrl (--amqp).");

    /// <summary>How many processes the data set holds (seed + generated).</summary>
    public int ProcessCount => State.Processes.Count;

    /// <summary>How long each start-up phase took (data set, each index, watchlists, web host).</summary>
    public IReadOnlyList<KeyValuePair<string, TimeSpan>> StartupTimings { get; private init; } = [];

    internal EmulatorState State { get; }

    /// <summary>Builds the data set, indexes it and starts listening.</summary>
    public static async Task<CbEmulator> StartAsync(CbEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new CbEmulatorOptions();
        var token = string.IsNullOrEmpty(options.Token) ? Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant() : options.Token;
        var timings = new List<KeyValuePair<string, TimeSpan>>();
        var phase = System.Diagnostics.Stopwatch.StartNew();
        var state = DataSet.Build(options);
        timings.Add(KeyValuePair.Create("data set", phase.Elapsed));
        phase.Restart();
        EmulatorApp.BuildIndexes(state, SearchEngineFactory.Create(state.Clock), timings);
        phase.Restart();
        var certificate = options.UseTls ? SelfSignedCertificate.Create() : null;
        var faults = new FaultInjector();
        var log = new RequestLog();
        var overrides = new ResponseOverrides();
        var app = EmulatorApp.Build(state, token, certificate, faults, log, overrides);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var baseUrl = new Uri((certificate is null ? "http" : "https") + "://127.0.0.1:" + port + "/");
        timings.Add(KeyValuePair.Create("web host", phase.Elapsed));
        var emulator = new CbEmulator(app, baseUrl, token, certificate, faults, log, state, overrides) { StartupTimings = timings };
        if (options.AmqpUrl is { } amqp)
        {
            phase.Restart();
            try
            {
                emulator.bus = await Bus.BusPublisher.StartAsync(amqp, state, options.BusEventsPerSecond, cancellationToken);
            }
            catch
            {
                await emulator.DisposeAsync();
                throw;
            }

            timings.Add(KeyValuePair.Create("event bus", phase.Elapsed));
        }

        return emulator;
    }

    /// <summary>Stops Kestrel and frees the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (bus is not null)
        {
            await bus.DisposeAsync();
            bus = null;
        }

        await app.StopAsync();
        await app.DisposeAsync();
        Certificate?.Dispose();
    }
}
