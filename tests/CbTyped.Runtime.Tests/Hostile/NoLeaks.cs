using CbTyped.Runtime.Tests.Infrastructure;

namespace CbTyped.Runtime.Tests.Hostile;

/// <summary>The assertions every hostile-server case ends with: the token is in no exception and no log line.</summary>
internal static class NoLeaks
{
    public static void Assert(string token, Exception exception, CapturingLoggerFactory? logs = null)
    {
        Xunit.Assert.DoesNotContain(token, exception.ToString(), StringComparison.Ordinal);
        if (exception is CbApiException api)
            Xunit.Assert.DoesNotContain(token, api.ServerMessage ?? "", StringComparison.Ordinal);
        if (exception is CbRedirectException { Target: { } target })
            Xunit.Assert.DoesNotContain(token, target.OriginalString, StringComparison.Ordinal);
        if (logs is null)
            return;
        Xunit.Assert.NotEmpty(logs.Lines);
        Xunit.Assert.All(logs.Lines, line => Xunit.Assert.DoesNotContain(token, line.Message, StringComparison.Ordinal));
    }
}
