using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CbTyped.Response;

public sealed partial class LiveResponseSession
{
    /// <summary>A key's values and sub keys (<c>reg enum key</c>), e.g. <c>HKLM\SOFTWARE\Microsoft</c>.</summary>
    /// <exception cref="LiveResponseException">The key does not exist (0x80070002).</exception>
    public async Task<LiveResponseRegistryKey> EnumRegistryKeyAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var result = await RunAsync("reg enum key", LiveResponseCommandArguments.Of(key), null, null, cancellationToken).ConfigureAwait(false);
        return new LiveResponseRegistryKey(
            [.. (result.Values ?? []).Where(value => value is not null).Select(LiveResponseRegistryValue.FromCommand)],
            result.SubKeys ?? []);
    }

    /// <summary>
    /// The names of a key's sub keys (<c>reg enum key</c>). cbapi's <c>list_registry_keys</c> returned the values
    /// instead (a [quirk]); the values are in <see cref="EnumRegistryKeyAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListRegistryKeysAsync(string key, CancellationToken cancellationToken = default) =>
        (await EnumRegistryKeyAsync(key, cancellationToken).ConfigureAwait(false)).SubKeys;

    /// <summary>One value (<c>reg query value</c>); <paramref name="keyAndValueName"/> is <c>key\value_name</c>.</summary>
    /// <exception cref="LiveResponseException">The key or value does not exist (0x80070002).</exception>
    public async Task<LiveResponseRegistryValue> GetRegistryValueAsync(string keyAndValueName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyAndValueName);
        var result = await RunAsync("reg query value", LiveResponseCommandArguments.Of(keyAndValueName), null, null, cancellationToken).ConfigureAwait(false);
        return result.Value is { } value
            ? LiveResponseRegistryValue.FromCommand(value)
            : throw new CbServerException($"The 'reg query value' command for {keyAndValueName} completed without a value.", 200, null, "GET", null);
    }

    /// <summary>Sets a <c>REG_DWORD</c> value (cbapi: an int is <c>REG_DWORD</c>), or <paramref name="valueType"/> when given.</summary>
    public Task SetRegistryValueAsync(string keyAndValueName, int value, bool overwrite = true, string? valueType = null, CancellationToken cancellationToken = default) =>
        SetRegistryValueAsync(keyAndValueName, valueType ?? "REG_DWORD", value, overwrite, cancellationToken);

    /// <summary>Sets a <c>REG_MULTI_SZ</c> value (cbapi: a list is <c>REG_MULTI_SZ</c>), or <paramref name="valueType"/> when given.</summary>
    public Task SetRegistryValueAsync(string keyAndValueName, IEnumerable<string> values, bool overwrite = true, string? valueType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToList();
        return SetRegistryValueAsync(keyAndValueName, valueType ?? "REG_MULTI_SZ", new JsonArray(list.Select(item => (JsonNode?)item).ToArray()), overwrite, cancellationToken);
    }

    /// <summary>Sets a <c>REG_SZ</c> value (cbapi: anything else is text), or <paramref name="valueType"/> when given (e.g. <c>REG_EXPAND_SZ</c>).</summary>
    public Task SetRegistryValueAsync(string keyAndValueName, string value, bool overwrite = true, string? valueType = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(value);
        return SetRegistryValueAsync(keyAndValueName, valueType ?? "REG_SZ", value, overwrite, cancellationToken);
    }

    /// <summary>Creates a key (<c>reg create key</c>).</summary>
    public Task CreateRegistryKeyAsync(string key, CancellationToken cancellationToken = default) =>
        RunWithObjectAsync("reg create key", key, cancellationToken);

    /// <summary>Deletes a key (<c>reg delete key</c>).</summary>
    /// <exception cref="LiveResponseException">The key does not exist (0x80070002).</exception>
    public Task DeleteRegistryKeyAsync(string key, CancellationToken cancellationToken = default) =>
        RunWithObjectAsync("reg delete key", key, cancellationToken);

    /// <summary>Deletes a value (<c>reg delete value</c>); <paramref name="keyAndValueName"/> is <c>key\value_name</c>.</summary>
    /// <exception cref="LiveResponseException">The value does not exist (0x80070002).</exception>
    public Task DeleteRegistryValueAsync(string keyAndValueName, CancellationToken cancellationToken = default) =>
        RunWithObjectAsync("reg delete value", keyAndValueName, cancellationToken);

    private async Task SetRegistryValueAsync(string keyAndValueName, string valueType, JsonNode data, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyAndValueName);
        ArgumentException.ThrowIfNullOrEmpty(valueType);
        _ = await RunAsync("reg set value", LiveResponseCommandArguments.Of(keyAndValueName,
            ("overwrite", overwrite), ("value_type", valueType.ToUpper(CultureInfo.InvariantCulture)), ("value_data", data)), null, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunWithObjectAsync(string name, string target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        _ = await RunAsync(name, LiveResponseCommandArguments.Of(target), null, null, cancellationToken).ConfigureAwait(false);
    }
}
