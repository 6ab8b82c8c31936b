using Microsoft.Extensions.Logging;

namespace CbTyped.Scripts;

/// <summary>cbapi's <c>get_cb_response_object</c>: the client the common arguments select.</summary>
public static class ExampleClient
{
    /// <summary>
    /// <c>--cburl</c> with <c>--apitoken</c> when both are given, else the credentials profile (<c>--profile</c>,
    /// default "default"); <c>--no-ssl-verify</c> turns certificate checks off; <c>--verbose</c> writes the SDK's
    /// log lines to stderr (the token is never in them).
    /// </summary>
    public static CbResponseClient Connect(ExampleArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new CbResponseClientOptions();
        if (args.Has("--no-ssl-verify"))
            options.VerifyServerCertificate = false;
        if (args.Has("--verbose"))
            options.LoggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug)
                .AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace));
        if (args["--cburl"] is { } url && args["--apitoken"] is { } token)
            return new CbResponseClient(new Uri(url), token, options);
        return CbResponseClient.FromProfile(args["--profile"] ?? "default", options);
    }
}
