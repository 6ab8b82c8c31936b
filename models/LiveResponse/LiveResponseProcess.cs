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
    /// <summary>The processes of a completed <c>process list</c> (its <c>processes</c>); none when absent.</summary>
    internal static IReadOnlyList<LiveResponseProcess> FromCommand(IReadOnlyList<LiveResponseCommand.ProcessEntry?>? processes) =>
        processes is null ? [] : [.. processes.OfType<LiveResponseCommand.ProcessEntry>().Select(process => new LiveResponseProcess(
            // A larger number wraps to the int it is.
            unchecked((int)(process.Pid ?? 0)),
            unchecked((int)(process.Parent ?? 0)),
            process.ParentGuid ?? string.Empty,
            process.ProcGuid ?? string.Empty,
            process.Path ?? string.Empty,
            process.CommandLine ?? string.Empty,
            process.Username ?? string.Empty,
            process.Sid ?? string.Empty,
            LiveResponseJson.EpochTime(process.CreateTime)))];
}
