using CbTyped.Events.Consumer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CbTyped.Events.Hosting;

/// <summary>
/// Registers event sources — the bus consumer, a followed file, the forwarder's HTTP output — each as a singleton run
/// by its own <see cref="CbEventSourceHostedService"/>; any number of them in one host.
/// </summary>
public static class CbEventBusServiceCollectionExtensions
{
    /// <summary>
    /// Adds a <see cref="CbEventBusConsumer"/> (a singleton, also resolvable) run by a
    /// <see cref="CbEventSourceHostedService"/>, as <see cref="AddCbEventSource{TSource}"/> registers any source.
    /// <paramref name="configure"/> sets the options; <paramref name="handlers"/> registers handlers with
    /// <see cref="CbEventBusConsumer.On"/> and may resolve services from the provider it is given.
    /// </summary>
    public static IServiceCollection AddCbEventBus(
        this IServiceCollection services,
        Action<CbEventBusOptions> configure,
        Action<CbEventBusConsumer, IServiceProvider> handlers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(handlers);
        return services.AddCbEventSource(provider =>
        {
            var options = new CbEventBusOptions();
            configure(options);
            var consumer = new CbEventBusConsumer(options, provider.GetService<ILogger<CbEventBusConsumer>>());
            handlers(consumer, provider);
            return consumer;
        });
    }

    /// <summary>
    /// Adds an event source — a <see cref="CbEventBusConsumer"/>, a <see cref="Sources.CbJsonLinesFileSource"/> or a
    /// <see cref="Sources.CbForwarderHttpSource"/> — as a singleton (also resolvable as <typeparamref name="TSource"/>)
    /// whose handlers a hosted service runs for the life of the host. <paramref name="create"/> builds it with its
    /// handlers registered and may resolve services (a logger, a shared <see cref="CbEventHandlerRegistry"/>).
    /// </summary>
    public static IServiceCollection AddCbEventSource<TSource>(this IServiceCollection services, Func<IServiceProvider, TSource> create)
        where TSource : class, ICbEventSource
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        services.AddSingleton(create);
        // Not AddHostedService: it keeps one hosted service per implementation type, and every source has the same one.
        services.AddSingleton<IHostedService>(provider => new CbEventSourceHostedService(provider.GetRequiredService<TSource>()));
        return services;
    }
}
