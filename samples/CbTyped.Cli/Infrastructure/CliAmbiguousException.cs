using CbTyped.Response;

namespace CbTyped.Cli.Infrastructure;

/// <summary>A name matches more than one object (a host name several sensors have); the message lists them.</summary>
internal sealed class CliAmbiguousException(string message) : Exception(message);
