using System.Globalization;

namespace CbTyped.Response;

/// <summary>The <c>/api/v1/cblr</c> routes not declared in a spec yet (commands are posted and files uploaded and read through LiveResponseCommand and LiveResponseFile).</summary>
internal static class LiveResponsePaths
{
    public const string Sessions = "/api/v1/cblr/session";

    public const string OpenSessions = Sessions + "?active_only=true";

    public static string Session(int sessionId) => Sessions + "/" + Text(sessionId);

    public static string KeepAlive(int sessionId) => Session(sessionId) + "/keepalive";

    public static string Archive(int sessionId) => Session(sessionId) + "/archive";

    public static string Command(int sessionId, int commandId) => Session(sessionId) + "/command/" + Text(commandId);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
