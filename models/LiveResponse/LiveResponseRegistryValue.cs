using System.Text.Json;

namespace CbTyped.Response;

/// <summary>
/// One registry value (<c>{value_name, value_type, value_data}</c>). <see cref="Data"/> is the value as sent; the
/// typed views read it by its shape: text for <c>REG_SZ</c>/<c>REG_EXPAND_SZ</c>, a number for <c>REG_DWORD</c>/
/// <c>REG_QWORD</c>, a list for <c>REG_MULTI_SZ</c>.
/// </summary>
/// <param name="Name"><c>value_name</c>.</param>
/// <param name="ValueType"><c>value_type</c>, e.g. <c>REG_SZ</c>.</param>
/// <param name="Data"><c>value_data</c> as sent (a copy, valid after the response is gone).</param>
public sealed record LiveResponseRegistryValue(string Name, string ValueType, JsonElement Data)
{
    /// <summary>The data as text: a string as is, a number in invariant digits; null for a list or no data.</summary>
    public string? Text => Data.ValueKind switch
    {
        JsonValueKind.String => Data.GetString(),
        JsonValueKind.Number => Data.GetRawText(),
        _ => null,
    };

    /// <summary>The data as a number (a JSON number, or text that is one); null otherwise.</summary>
    public long? Number => Data.ValueKind switch
    {
        JsonValueKind.Number when Data.TryGetInt64(out long n) => n,
        JsonValueKind.String when long.TryParse(Data.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long n) => n,
        _ => null,
    };

    /// <summary>The data as a list of strings (<c>REG_MULTI_SZ</c>); a single string is a list of one; null otherwise.</summary>
    public IReadOnlyList<string>? Strings => Data.ValueKind switch
    {
        JsonValueKind.Array => Data.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList(),
        JsonValueKind.String => [Data.GetString()!],
        _ => null,
    };

    /// <summary>A value of a completed <c>reg enum key</c> or <c>reg query value</c>.</summary>
    /// <remarks><c>value_data</c> is a <c>json</c> field of the spec: read as sent, whatever its kind.</remarks>
    internal static LiveResponseRegistryValue FromCommand(LiveResponseCommand.RegistryValue value) => new(
        value.ValueName ?? string.Empty,
        value.ValueType ?? string.Empty,
        value.ValueData ?? default);
}
