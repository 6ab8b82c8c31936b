using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CbTyped.Extensions.DependencyInjection;

/// <summary>The credentials and options one named client is built from (resolved once, a keyed singleton).</summary>
internal sealed class CbResponseClientRegistration(string httpClientName, CbCredentials credentials, CbResponseClientOptions options)
{
    public string HttpClientName { get; } = httpClientName;
    public CbCredentials Credentials { get; } = credentials;
    public CbResponseClientOptions Options { get; } = options;

    public static CbResponseClientRegistration Create(IServiceProvider provider, string httpClientName,
        Func<IServiceProvider, CbCredentials> credentials, Action<IServiceProvider, CbResponseClientOptions>? configure)
    {
        var options = new CbResponseClientOptions
        {
            LoggerFactory = (ILoggerFactory?)provider.GetService(typeof(ILoggerFactory)),
        };
        configure?.Invoke(provider, options);
        return new CbResponseClientRegistration(httpClientName, credentials(provider), options);
    }

    public static CbResponseClient CreateClient(IServiceProvider provider, string name)
    {
        var registration = provider.GetRequiredKeyedService<CbResponseClientRegistration>(name);
        var options = registration.Options;
        // A caller's own HttpClient or transport wins; otherwise always the factory's client, whose primary handler is
        // the runtime's own (below), so the profile's TLS and proxy settings hold under the user's handlers.
        if (options.HttpClient is null && options.Transport is null)
        {
            var factory = (IHttpClientFactory)provider.GetService(typeof(IHttpClientFactory))!;
            options.HttpClient = factory.CreateClient(registration.HttpClientName);
        }
        return new CbResponseClient(registration.Credentials, options);
    }

    /// <summary>
    /// The primary handler: exactly the one the client would build for these credentials and options (TLS 1.2+,
    /// certificate and host name verification, the CA file, proxy, gzip, pooled connections).
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler(IServiceProvider provider, string name)
    {
        var registration = provider.GetRequiredKeyedService<CbResponseClientRegistration>(name);
        return CbResponseClient.CreateHttpHandler(registration.Credentials, registration.Options);
    }
}
