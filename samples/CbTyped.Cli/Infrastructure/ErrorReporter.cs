using CbTyped.Response;

namespace CbTyped.Cli.Infrastructure;

/// <summary>Turns an exception into one clear line on standard error and the documented exit code; never a stack trace
/// unless CBTYPED_DEBUG=1.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        var (code, message) = Describe(exception);
        error.WriteLine("cbtyped: " + message);
        if (Environment.GetEnvironmentVariable("CBTYPED_DEBUG") == "1")
            error.WriteLine(exception.ToString());
        return code;
    }

    public static (int Code, string Message) Describe(Exception exception) => exception switch
    {
        CliUsageException e => (ExitCodes.Usage, e.Message),
        CbCredentialsException e => (ExitCodes.Credentials, e.Message),
        CliAmbiguousException e => (ExitCodes.Ambiguous, e.Message),
        CbUnauthorizedException e => (ExitCodes.Unauthorized, OneLine(e.Message)),
        CbClientException { StatusCode: 403 } e => (ExitCodes.Unauthorized, OneLine(e.Message)),
        CbObjectNotFoundException e => (ExitCodes.NotFound, OneLine(e.Message)),
        CliNotFoundException e => (ExitCodes.NotFound, e.Message),
        // A Live Response command's path that does not exist on the endpoint is "not found" like a 404; other
        // command errors (access denied, invalid parameter, …) stay server errors below, with their Win32 name.
        LiveResponseException { Win32ErrorName: "ERROR_FILE_NOT_FOUND" or "ERROR_PATH_NOT_FOUND" } e => (ExitCodes.NotFound, OneLine(e.Message)),
        CbQuerySyntaxException e => (ExitCodes.QuerySyntax, OneLine(e.Message)),
        CbTimeoutException e => (ExitCodes.Unreachable, OneLine(e.Message)),
        CbConnectionException e => (ExitCodes.Unreachable, OneLine(e.Message)),
        CbApiException e => (ExitCodes.ServerError, OneLine(e.Message)),
        CliInvalidAnswerException e => (ExitCodes.ServerError, e.Message),
        CliOutputExistsException e => (ExitCodes.OutputExists, e.Message),
        // A field of the wrong JSON type is read lazily, when a command first uses it: the server sent something invalid.
        System.Text.Json.JsonException e => (ExitCodes.ServerError, "the server sent invalid JSON: " + OneLine(e.Message)),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted"),
        // A body cut off mid-stream (a download) surfaces from the stream as an IOException, not from the SDK's send.
        System.Net.Http.HttpIOException e => (ExitCodes.Unreachable, "the connection to the server broke off: " + OneLine(e.Message)),
        IOException { InnerException: System.Net.Sockets.SocketException } e => (ExitCodes.Unreachable, "the connection to the server broke off: " + OneLine(e.Message)),
        UnauthorizedAccessException e => (ExitCodes.Failure, OneLine(e.Message)),
        IOException e => (ExitCodes.Failure, OneLine(e.Message)),
        _ => (ExitCodes.Failure, $"unexpected error ({exception.GetType().Name}): {OneLine(exception.Message)} (set CBTYPED_DEBUG=1 for details)"),
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
