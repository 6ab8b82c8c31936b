namespace CbTyped;

/// <summary>
/// Attribute names: OpenTelemetry's HTTP client semantic conventions where one exists, <c>cbtyped.*</c> for the SDK's own.
/// </summary>
internal static class CbTelemetryTags
{
    public const string Method = "http.request.method";
    public const string StatusCode = "http.response.status_code";
    public const string ResendCount = "http.request.resend_count";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlScheme = "url.scheme";
    public const string UrlPath = "url.path";
    public const string ErrorType = "error.type";

    public const string Operation = "cbtyped.operation";
    public const string Model = "cbtyped.model";
    public const string PageStart = "cbtyped.page.start";
    public const string PageRows = "cbtyped.page.rows";
    public const string PageReceived = "cbtyped.page.received";
    public const string SaveKind = "cbtyped.save.kind";
}
