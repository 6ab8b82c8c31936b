namespace CbTyped.Response;

/// <summary>The result of <c>reg enum key</c>: the key's values and the names of its sub keys.</summary>
/// <param name="Values"><c>values</c>.</param>
/// <param name="SubKeys"><c>sub_keys</c>: names relative to the key.</param>
public sealed record LiveResponseRegistryKey(IReadOnlyList<LiveResponseRegistryValue> Values, IReadOnlyList<string> SubKeys);
