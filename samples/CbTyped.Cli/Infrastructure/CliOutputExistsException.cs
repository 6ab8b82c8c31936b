using CbTyped.Response;

namespace CbTyped.Cli.Infrastructure;

/// <summary>The output file exists and <c>--force</c> was not given (or the name is a directory).</summary>
internal sealed class CliOutputExistsException(string message) : Exception(message);
