using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Endpoints;
using CbTyped.Emulator.Faults;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CbTyped.Emulator.Hosting;

/// <summary>Builds the Kestrel application: loopback only, the request pipeline, then every route.</summary>
internal static class EmulatorApp
{
    public static WebApplication Build(EmulatorState state, string token, X509Certificate2? certificate, FaultInjector faults, RequestLog log, ResponseOverrides overrides)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "CbTyped.Emulator" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, state.Options.Port, listen =>
            {
                if (certificate is not null)
                {
                    listen.UseHttps(certificate);
                }
            });
        });

        var app = builder.Build();
        var expectedToken = Encoding.UTF8.GetBytes(token);
        var writer = state.Options.RequestLogWriter;
        app.Use((context, next) => PipelineMiddleware.LogAsync(context, next, log, writer));
        if (state.Options.Latency > TimeSpan.Zero)
        {
            var latency = state.Options.Latency;
            app.Use((context, next) => LatencyMiddleware.DelayAsync(context, next, latency));
        }

        app.Use((context, next) => PipelineMiddleware.FaultAsync(context, next, faults));
        app.Use((context, next) => PipelineMiddleware.AuthenticateAsync(context, next, expectedToken));
        app.Use((context, next) => overrides.ApplyAsync(context, next));

        ServerEndpoints.Map(app, state);
        SensorEndpoints.Map(app, state);
        GroupEndpoints.Map(app, state);
        ProcessEndpoints.Map(app, state);
        BinaryEndpoints.Map(app, state);
        UserEndpoints.Map(app, state);
        BanningEndpoints.Map(app, state);
        WatchlistEndpoints.Map(app, state);
        FeedEndpoints.Map(app, state);
        AlertEndpoints.Map(app, state);
        CaseEndpoints.Map(app, state);
        PolicyEndpoints.Map(app, state);
        LiveResponseEndpoints.Map(app, state);
        DashboardEndpoints.Map(app, state);
        app.MapFallback((HttpContext context) => Http.Error(404, "not_found", "No route " + context.Request.Method + " " + context.Request.Path));
        return app;
    }

    /// <summary>Indexes every searchable collection with the configured engine.</summary>
    public static void BuildIndexes(EmulatorState state, ISearchEngine engine, List<KeyValuePair<string, TimeSpan>> timings)
    {
        var phase = System.Diagnostics.Stopwatch.StartNew();
        state.ProcessIndex = engine.Build(SearchIndexKind.Process, [.. state.Processes.Select(p => (ISearchDocument)new ProcessSearchDocument(state, p))]);
        timings.Add(KeyValuePair.Create("process index", phase.Elapsed));
        phase.Restart();
        state.BinaryIndex = engine.Build(SearchIndexKind.Binary, [.. state.Binaries.Select(b => (ISearchDocument)new BinarySearchDocument(state, b))]);
        for (var i = 0; i < state.Alerts.Count; i++)
        {
            state.Alerts[i].Ordinal = i;
        }

        state.AlertIndex = engine.Build(SearchIndexKind.Alert, [.. state.Alerts.Select(a => (ISearchDocument)new AlertSearchDocument(state, a))]);
        for (var i = 0; i < state.ThreatReports.Count; i++)
        {
            state.ThreatReports[i].Ordinal = i;
        }

        state.ThreatReportIndex = engine.Build(SearchIndexKind.ThreatReport, [.. state.ThreatReports.Select(r => (ISearchDocument)new ThreatReportSearchDocument(r))]);

        timings.Add(KeyValuePair.Create("binary, alert and report indexes", phase.Elapsed));
        phase.Restart();

        // The seed watchlists have run once, as on a live server: their hits carry watchlist_<id> tags.
        WatchlistEndpoints.RunAll(state);
        timings.Add(KeyValuePair.Create("seed watchlists", phase.Elapsed));
    }
}
