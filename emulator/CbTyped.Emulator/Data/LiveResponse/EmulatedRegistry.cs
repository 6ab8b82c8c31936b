using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>
/// One endpoint's registry: hives (HKLM, HKCU, HKU, HKCR, HKCC) holding keys by case-insensitive name; a key path
/// may name a hive by its long name (<c>HKEY_LOCAL_MACHINE</c>). Only <c>\</c> separates keys (a key name may hold
/// <c>/</c>). Callers hold <see cref="EmulatorState.Gate"/>.
/// </summary>
internal sealed class EmulatedRegistry
{
    private static readonly Dictionary<string, string> HiveAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["HKEY_LOCAL_MACHINE"] = "HKLM",
        ["HKEY_CURRENT_USER"] = "HKCU",
        ["HKEY_USERS"] = "HKU",
        ["HKEY_CLASSES_ROOT"] = "HKCR",
        ["HKEY_CURRENT_CONFIG"] = "HKCC",
    };

    private readonly RegistryKey root = new("");

    public EmulatedRegistry()
    {
        foreach (var hive in HiveAliases.Values)
        {
            root.SubKeys[hive] = new RegistryKey(hive);
        }
    }

    public static List<string> Split(string keyPath)
    {
        var parts = keyPath.Split('\\', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (parts.Count > 0 && HiveAliases.TryGetValue(parts[0], out var shortName))
        {
            parts[0] = shortName;
        }

        return parts;
    }

    public RegistryKey? Find(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0)
        {
            return null;
        }

        var key = root;
        foreach (var segment in segments)
        {
            if (!key.SubKeys.TryGetValue(segment, out var sub))
            {
                return null;
            }

            key = sub;
        }

        return key;
    }

    /// <summary>Creates the key and any missing parents, as RegCreateKeyEx does; null when the hive is unknown.</summary>
    public RegistryKey? Create(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0 || !root.SubKeys.TryGetValue(segments[0], out var key))
        {
            return null;
        }

        foreach (var segment in segments.Skip(1))
        {
            if (!key.SubKeys.TryGetValue(segment, out var sub))
            {
                sub = new RegistryKey(segment);
                key.SubKeys[segment] = sub;
            }

            key = sub;
        }

        return key;
    }

    /// <summary>Removes a key that has no sub keys. A hive cannot be deleted.</summary>
    public bool Delete(IReadOnlyList<string> segments)
    {
        if (segments.Count < 2 || Find([.. segments.Take(segments.Count - 1)]) is not { } parent)
        {
            return false;
        }

        return parent.SubKeys.Remove(segments[^1]);
    }

    /// <summary>A registry key: sub keys alphabetically (as regedit lists them), values in the order they were set.</summary>
    internal sealed class RegistryKey(string name)
    {
        public string Name { get; } = name;

        public SortedDictionary<string, RegistryKey> SubKeys { get; } = new(StringComparer.OrdinalIgnoreCase);

        public OrderedDictionary<string, RegistryValue> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A value; <see cref="Data"/> is kept as the client sent it (a number for REG_DWORD, a list for REG_MULTI_SZ).</summary>
    internal sealed record RegistryValue(string Name, string Type, JsonNode? Data)
    {
        public JsonObject ToJson() => new()
        {
            ["value_name"] = Name,
            ["value_type"] = Type,
            ["value_data"] = Data?.DeepClone(),
        };
    }
}
