using CbTyped.Response;

namespace CbTyped.Cli.Infrastructure;

/// <summary>Nothing matched what the user asked for by key or name.</summary>
internal sealed class CliNotFoundException(string message) : Exception(message);
