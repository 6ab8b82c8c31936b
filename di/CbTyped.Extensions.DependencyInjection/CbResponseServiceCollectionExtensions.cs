using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CbTyped.Extensions.DependencyInjection;

/// <summary>Registers <see cref="CbResponseClient"/> with a service collection.</summary>
public static class CbResponseServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="System.Net.Http.IHttpClientFactory"/> client the Cb Response client sends through.</summary>
    public const string HttpClientName = "CbTyped.CbResponseClient";

    /// <summary>A client for <paramref name="url"/> with an API token.</summary>
    /// <returns>The HTTP client builder, to add message handlers or resilience to every Cb Response request.</returns>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, Uri url, string token,
        Action<CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(token);
        var credentials = new CbCredentials(url, token) { Source = "AddCbResponseClient" };
        return services.AddCbResponseClient(_ => credentials, configure is null ? null : (_, o) => configure(o));
    }

    /// <summary>
    /// A client from cbapi's lookup: <c>CBAPI_URL</c>/<c>CBAPI_TOKEN</c> when both are set, else the credentials
    /// <paramref name="profile"/> (<c>~/.carbonblack/credentials.response</c> and the other files). Read when the client
    /// is first resolved.
    /// </summary>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services, string profile = CbCredentialStore.DefaultProfile,
        Action<CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return services.AddCbResponseClient(_ => CbCredentialStore.Resolve(profile), configure is null ? null : (_, o) => configure(o));
    }

    /// <summary>
    /// A client whose credentials and options come from the container (e.g. from configuration or a secret store).
    /// Both delegates run once, when the client is first resolved.
    /// </summary>
    public static IHttpClientBuilder AddCbResponseClient(
        this IServiceCollection services,
        Func<IServiceProvider, CbCredentials> credentials,
        Action<IServiceProvider, CbResponseClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(credentials);

        services.TryAddSingleton(provider => CbResponseClientRegistration.Create(provider, credentials, configure));
        services.TryAddSingleton(provider => CbResponseClientRegistration.CreateClient(provider));

        return services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(CbResponseClientRegistration.CreatePrimaryHandler)
            // The client applies its own per-attempt timeout (Options.Timeout, 120 s); the factory's 100 s would cut it short.
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The client (and so its HttpClient) lives as long as the container; pooled-connection lifetime handles DNS.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}

/// <summary>The credentials and options one container's client is built from (resolved once).</summary>
internal sealed class CbResponseClientRegistration(CbCredentials credentials, CbResponseClientOptions options)
{
    public CbCredentials Credentials { get; } = credentials;
    public CbResponseClientOptions Options { get; } = options;

    public static CbResponseClientRegistration Create(IServiceProvider provider,
        Func<IServiceProvider, CbCredentials> credentials, Action<IServiceProvider, CbResponseClientOptions>? configure)
    {
        var options = new CbResponseClientOptions
        {
            LoggerFactory = (ILoggerFactory?)provider.GetService(typeof(ILoggerFactory)),
        };
        configure?.Invoke(provider, options);
        return new CbResponseClientRegistration(credentials(provider), options);
    }

    public static CbResponseClient CreateClient(IServiceProvider provider)
    {
        var registration = (CbResponseClientRegistration)provider.GetService(typeof(CbResponseClientRegistration))!;
        var options = registration.Options;
        // A caller's own HttpClient or transport wins; otherwise always the factory's client, whose primary handler is
        // the runtime's own (below), so the profile's TLS and proxy settings hold under the user's handlers.
        if (options.HttpClient is null && options.Transport is null)
        {
            var factory = (IHttpClientFactory)provider.GetService(typeof(IHttpClientFactory))!;
            options.HttpClient = factory.CreateClient(CbResponseServiceCollectionExtensions.HttpClientName);
        }
        return new CbResponseClient(registration.Credentials, options);
    }

    /// <summary>
    /// The primary handler: exactly the one the client would build for these credentials and options (TLS 1.2+,
    /// certificate and host name verification, the CA file, proxy, gzip, pooled connections).
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler(IServiceProvider provider)
    {
        var registration = (CbResponseClientRegistration)provider.GetService(typeof(CbResponseClientRegistration))!;
        return CbResponseClient.CreateHttpHandler(registration.Credentials, registration.Options);
    }
}
