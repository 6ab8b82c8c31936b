using System.Globalization;

namespace CbTyped.Response;

/// <summary>The <c>/api/v1/cblr</c> routes.</summary>
internal static class LiveResponsePaths
{
    public const string Sessions = "/api/v1/cblr/session";

    public const string OpenSessions = Sessions + "?active_only=true";

    public static string Session(int sessionId) => Sessions + "/" + Text(sessionId);

    public static string KeepAlive(int sessionId) => Session(sessionId) + "/keepalive";

    public static string Archive(int sessionId) => Session(sessionId) + "/archive";

    public static string Commands(int sessionId) => Session(sessionId) + "/command";

    public static string Command(int sessionId, int commandId) => Commands(sessionId) + "/" + Text(commandId);

    public static string Files(int sessionId) => Session(sessionId) + "/file";

    public static string FileContent(int sessionId, int fileId) => Files(sessionId) + "/" + Text(fileId) + "/content";

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}
