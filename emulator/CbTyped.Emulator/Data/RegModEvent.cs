namespace CbTyped.Emulator.Data;

/// <summary>A registry modification (regmod_complete). Op: 1 created key, 2 first write, 4 deleted key, 8 deleted value.</summary>
internal sealed record RegModEvent(int Op, DateTime Time, string KeyPath, bool Tamper = false);
