using CbTyped.Events.Consumer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CbTyped.Events.Hosting;

/// <summary>Registers the event bus consumer as a hosted service.</summary>
public static class CbEventBusServiceCollectionExtensions
{
    /// <summary>
    /// Adds a <see cref="CbEventBusConsumer"/> (a singleton, also resolvable) run by a hosted service.
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
        services.AddSingleton(provider =>
        {
            var options = new CbEventBusOptions();
            configure(options);
            var consumer = new CbEventBusConsumer(options, provider.GetService<ILogger<CbEventBusConsumer>>());
            handlers(consumer, provider);
            return consumer;
        });
        services.AddHostedService(provider => new CbEventBusHostedService(provider.GetRequiredService<CbEventBusConsumer>()));
        return services;
    }
}
