using System.Text.Json;

namespace CbTyped.Response;

/// <summary>One process of a <c>process list</c> result.</summary>
/// <param name="Pid"><c>pid</c>.</param>
/// <param name="ParentPid"><c>parent</c>: the parent's pid.</param>
/// <param name="ParentGuid"><c>parent_guid</c> (may be empty).</param>
/// <param name="ProcessGuid"><c>proc_guid</c> (may be empty).</param>
/// <param name="Path"><c>path</c>: the executable.</param>
/// <param name="CommandLine"><c>command_line</c>.</param>
/// <param name="UserName"><c>username</c>.</param>
/// <param name="Sid"><c>sid</c>: the user's SID.</param>
/// <param name="CreateTime"><c>create_time</c>.</param>
public sealed record LiveResponseProcess(
    int Pid,
    int ParentPid,
    string ParentGuid,
    string ProcessGuid,
    string Path,
    string CommandLine,
    string UserName,
    string Sid,
    DateTimeOffset? CreateTime)
{
    internal static LiveResponseProcess FromJson(JsonElement process) => new(
        LiveResponseJson.Int32(process, "pid") ?? 0,
        LiveResponseJson.Int32(process, "parent") ?? 0,
        LiveResponseJson.String(process, "parent_guid") ?? string.Empty,
        LiveResponseJson.String(process, "proc_guid") ?? string.Empty,
        LiveResponseJson.String(process, "path") ?? string.Empty,
        LiveResponseJson.String(process, "command_line") ?? string.Empty,
        LiveResponseJson.String(process, "username") ?? string.Empty,
        LiveResponseJson.String(process, "sid") ?? string.Empty,
        LiveResponseJson.EpochTime(process, "create_time"));
}
