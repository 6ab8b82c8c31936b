namespace CbTyped.Emulator.Query.Schema;

/// <summary>One searchable field: its name, how it matches, and whether bare terms search it.</summary>
internal sealed record CbFieldDefinition(string Name, CbFieldType Type, bool IsDefault = false);
