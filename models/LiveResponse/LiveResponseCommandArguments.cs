using System.Text.Json.Nodes;

namespace CbTyped.Response;

/// <summary>
/// What a Live Response command sends besides its name: its <c>object</c> (a path, a key, a process id) and the
/// members that depend on the command (<c>wait</c>, <c>file_id</c>, <c>value_data</c> as an int, a text or a list, ...),
/// for the spec's free-form <see cref="LiveResponseCommand.PostCommandAsync"/>.
/// </summary>
internal sealed record LiveResponseCommandArguments(JsonNode? Target, IReadOnlyList<KeyValuePair<string, JsonNode?>> Members)
{
    public static LiveResponseCommandArguments Of(JsonNode? target, params (string Name, JsonNode? Value)[] members)
    {
        var list = new List<KeyValuePair<string, JsonNode?>>(members.Length);
        foreach (var (name, value) in members)
            list.Add(new KeyValuePair<string, JsonNode?>(name, value));
        return new LiveResponseCommandArguments(target, list);
    }
}
