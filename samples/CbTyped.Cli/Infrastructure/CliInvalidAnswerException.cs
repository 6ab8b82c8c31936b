using CbTyped.Response;

namespace CbTyped.Cli.Infrastructure;

/// <summary>The server's answer cannot be right (a downloaded file whose MD5 is not the binary's, an object that is not
/// the one asked for): a server error, with what was wrong.</summary>
internal sealed class CliInvalidAnswerException(string message) : Exception(message);
