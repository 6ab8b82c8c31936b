namespace CbTyped.Response;

/// <summary>How common a binary is: hosts, processes that ran it, all processes, and the ratio.</summary>
public sealed record BinaryFrequency(long ComputerCount, long ProcessCount, long AllProcessCount, double ModuleFrequency);
