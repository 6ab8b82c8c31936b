namespace CbTyped.Response.Tests.Scripts;

/// <summary>How <see cref="ScriptRunner"/> runs a script beyond its arguments.</summary>
/// <param name="StandardInput">Text written to the script's stdin, which is then closed (end of input); null for none.</param>
/// <param name="WorkingDirectory">The directory the script runs in (where it writes its files); null for the repository root.</param>
internal sealed record ScriptRun(string? StandardInput = null, string? WorkingDirectory = null);
