namespace CbTyped;

/// <summary>One value of a credentials file and the line its key is on, so errors can point at it.</summary>
internal sealed record IniValue(string Value, int Line);
