namespace CbTyped.Response;

/// <summary>What <see cref="LiveResponseSession.CreateProcessAsync"/> learned about the process it started.</summary>
/// <param name="Pid"><c>pid</c> of the new process, when the sensor reported it.</param>
/// <param name="ReturnCode"><c>return_code</c>, when the command was waited for.</param>
/// <param name="Output">The process's output (read from its output file as UTF-8) when it was asked for; otherwise null.</param>
public sealed record LiveResponseProcessResult(int? Pid, int? ReturnCode, string? Output);
