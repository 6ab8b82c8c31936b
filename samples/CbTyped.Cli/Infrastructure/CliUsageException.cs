using CbTyped.Response;

namespace CbTyped.Cli.Infrastructure;

/// <summary>A command line that parsed but makes no sense (e.g. a token that is neither given nor typed).</summary>
internal sealed class CliUsageException(string message) : Exception(message);
