using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CbTyped.Extensions.DependencyInjection;

/// <summary>
/// Registers <see cref="CbResponseClient"/>s with a service collection: one default client (resolved as
/// <c>CbResponseClient</c>) and any number of named ones, resolved as keyed services
/// (<c>GetRequiredKeyedService&lt;CbResponseClient&gt;("prod")</c> or <c>[FromKeyedServices("prod")]</c>). Each has its
/// own <see cref="System.Net.Http.IHttpClientFactory"/> client; registering the same name twice is an error.
/// </summary>
public static class CbResponseServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client the default Cb Response client sends through.</summary>
    public const string HttpClientName = "CbTyped.CbResponseClient";

    /// <summary>The factory client's name for the client registered as <paramref name="name"/> (the default: <see cref="HttpClientName"/>).</summary>
    public static string HttpClientNameFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length == 0 ? HttpClientName : HttpClientName + ":" + name;
    }

    /// <summary>The default client, for <paramref name="url"/> with an API token.</summary>
    /// <returns>The HTTP client builder, to add message handlers or resilience to every Cb Response request.</returns>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, Uri url, string token,
        Action<CbResponseClientOptions>? configure = null) =>
        services.AddCbResponseClient(Options.DefaultName, url, token, configure);

    /// <summary>
    /// The default client from cbapi's lookup: <c>CBAPI_URL</c>/<c>CBAPI_TOKEN</c> when both are set, else the
    /// credentials <paramref name="profile"/> (<c>~/.carbonblack/credentials.response</c> and the other files). Read
    /// when the client is first resolved.
    /// </summary>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, string profile = CbCredentialStore.DefaultProfile,
        Action<CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return services.AddCbResponseClient(Options.DefaultName, _ => CbCredentialStore.Resolve(profile),
            configure is null ? null : (_, o) => configure(o));
    }

    /// <summary>
    /// The default client, its credentials and options from the container (e.g. a secret store). Both delegates run
    /// once, when the client is first resolved.
    /// </summary>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services,
        Func<IServiceProvider, CbCredentials> credentials,
        Action<IServiceProvider, CbResponseClientOptions>? configure = null) =>
        services.AddCbResponseClient(Options.DefaultName, credentials, configure);

    /// <summary>
    /// The default client from a configuration section (see <see cref="CbResponseClientSettings"/> for its keys),
    /// validated when the host starts (<c>ValidateOnStart</c>). <paramref name="configure"/> runs after the section's values.
    /// </summary>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, IConfiguration configuration,
        Action<CbResponseClientOptions>? configure = null) =>
        services.AddCbResponseClient(Options.DefaultName, configuration, configure);

    /// <summary>A client named <paramref name="name"/> (a keyed service) for <paramref name="url"/> with an API token.</summary>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, string name, Uri url, string token,
        Action<CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(token);
        var credentials = new CbCredentials(url, token) { Source = "AddCbResponseClient" };
        return services.AddCbResponseClient(name, _ => credentials, configure is null ? null : (_, o) => configure(o));
    }

    /// <summary>
    /// A client named <paramref name="name"/> (a keyed service) from a configuration section, e.g.
    /// <c>AddCbResponseClient("prod", configuration.GetSection("CbResponse:prod"))</c>. The section is validated when
    /// the host starts (<c>ValidateOnStart</c>): every bad key is named with its value, a missing profile or an
    /// http URL the client would refuse fails the start, not the first request.
    /// </summary>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, string name, IConfiguration configuration,
        Action<CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CbResponseClientSettings>(name)
            .Configure(settings => settings.ReadFrom(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CbResponseClientSettings>>(new CbResponseClientSettingsValidator(name));
        return services.AddCbResponseClient(name,
            provider => CbResponseClientSettingsReader.Credentials(Settings(provider, name)),
            (provider, options) =>
            {
                CbResponseClientSettingsReader.ApplyTo(Settings(provider, name), options);
                configure?.Invoke(options);
            });
    }

    /// <summary>
    /// A client named <paramref name="name"/> (a keyed service; <see cref="Options.DefaultName"/>, "", is the default
    /// client), its credentials and options from the container. Both delegates run once, when the client is first resolved.
    /// </summary>
    /// <exception cref="InvalidOperationException">A client of this name is already registered.</exception>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, string name,
        Func<IServiceProvider, CbCredentials> credentials,
        Action<IServiceProvider, CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(credentials);
        // A second registration of one name used to be ignored silently; a second server needs a name of its own.
        if (services.Any(d => d.ServiceType == typeof(CbResponseClientRegistration) && Equals(d.ServiceKey, name)))
            throw new InvalidOperationException(name.Length == 0
                ? "A default CbResponseClient is already registered. Register another server under a name: AddCbResponseClient(\"name\", ...), resolved as a keyed service."
                : $"A CbResponseClient named '{name}' is already registered. Give each server its own name.");

        var httpClientName = HttpClientNameFor(name);
        services.AddKeyedSingleton(name, (provider, _) => CbResponseClientRegistration.Create(provider, httpClientName, credentials, configure));
        if (name.Length == 0)
            services.AddSingleton(provider => CbResponseClientRegistration.CreateClient(provider, name));
        else
            services.AddKeyedSingleton(name, (provider, _) => CbResponseClientRegistration.CreateClient(provider, name));

        return services.AddHttpClient(httpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => CbResponseClientRegistration.CreatePrimaryHandler(provider, name))
            // The client applies its own per-attempt timeout (Options.Timeout, 120 s); the factory's 100 s would cut it short.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The client (and so its HttpClient) lives as long as the container; pooled-connection lifetime handles DNS.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    private static CbResponseClientSettings Settings(IServiceProvider provider, string name) =>
        ((IOptionsMonitor<CbResponseClientSettings>)provider.GetService(typeof(IOptionsMonitor<CbResponseClientSettings>))!).Get(name);
}
