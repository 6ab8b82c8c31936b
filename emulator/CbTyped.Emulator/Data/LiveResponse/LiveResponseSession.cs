namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>
/// A Live Response session: <c>pending</c> until the sensor "checks in", which the emulator
/// models as GET polls (<see cref="CbEmulatorOptions.LiveResponsePollsUntilActive"/>); an offline sensor never does.
/// </summary>
internal sealed class LiveResponseSession
{
    public required int Id { get; init; }

    public required int SensorId { get; init; }

    public required double CreateTime { get; init; }

    /// <summary><c>pending</c>, <c>active</c>, <c>close</c> or <c>timeout</c>.</summary>
    public string Status { get; set; } = "pending";

    public int PollsUntilActive { get; set; }

    public int CheckInTimeout { get; init; } = 1200;

    public int SessionTimeout { get; init; } = 300;

    public int SensorWaitTimeout { get; init; } = 120;

    public List<LiveResponseCommand> Commands { get; } = [];

    public SortedDictionary<int, LiveResponseFile> Files { get; } = [];

    public int NextFileId { get; set; } = 1;

    /// <summary>Pending or active: the session takes commands and uploads; a closed one answers 404 to them.</summary>
    public bool IsOpen => Status is "pending" or "active";

    /// <summary>Adds a file under a new id, or under <paramref name="reservedId"/> (a <c>get file</c>'s id, handed out at POST).</summary>
    public LiveResponseFile AddFile(string fileName, byte[] content, int? reservedId = null)
    {
        var file = new LiveResponseFile { Id = reservedId ?? NextFileId++, SessionId = Id, FileName = fileName, Content = content };
        Files[file.Id] = file;
        return file;
    }
}
