namespace CbTyped.Runtime.Tests.Infrastructure;

internal static class TestClients
{
    /// <summary>A client for the loopback server: http allowed, short retry delays so fault tests run fast.</summary>
    public static CbResponseClient For(LoopbackServer server, Action<CbResponseClientOptions>? configure = null, string? token = null) =>
        For(server.Url, token ?? server.Token, configure);

    /// <summary>The same for any loopback URL (e.g. a <see cref="RawHttpServer"/>).</summary>
    public static CbResponseClient For(Uri url, string token, Action<CbResponseClientOptions>? configure = null)
    {
        var options = new CbResponseClientOptions { AllowInsecureHttp = true };
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        configure?.Invoke(options);
        return new CbResponseClient(url, token, options);
    }
}
