namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>A running process as <c>process list</c> reports it.</summary>
internal sealed record EmulatedProcess(
    int Pid,
    int Parent,
    string ParentGuid,
    string ProcGuid,
    string Path,
    string CommandLine,
    string Username,
    string Sid,
    long CreateTime)
{
    /// <summary>
    /// A Cb process GUID: sensor id, pid and the start time as a Windows FILETIME, the same layout the process
    /// search uses, so a process seen here looks like one a search would return.
    /// </summary>
    public static string Guid(int sensorId, int pid, long createTime)
    {
        const long FileTimeOfUnixEpoch = 116_444_736_000_000_000;
        var fileTime = (createTime * 10_000_000 + FileTimeOfUnixEpoch).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{sensorId:x8}-0000-{pid:x4}-{fileTime[..4]}-{fileTime[4..]}");
    }
}
