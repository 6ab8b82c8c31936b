using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>
/// One command of a session. It runs (changes the endpoint and gets its result) when it completes, which is on
/// its N-th GET while the session is active (<see cref="CbEmulatorOptions.LiveResponseCommandPolls"/>), so tests
/// see a deterministic pending → complete/error sequence.
/// </summary>
internal sealed class LiveResponseCommand
{
    public required int Id { get; init; }

    public required int SessionId { get; init; }

    public required int SensorId { get; init; }

    public required string Name { get; init; }

    /// <summary>The request's members other than the fixed ones (<c>object</c>, <c>wait</c>, <c>file_id</c>, …), echoed back.</summary>
    public required JsonObject Request { get; init; }

    public required double CreateTime { get; init; }

    /// <summary><c>pending</c>, <c>in progress</c>, <c>complete</c>, <c>error</c> or <c>cancel</c>.</summary>
    public string Status { get; set; } = "pending";

    public double Completion { get; set; }

    /// <summary>GETs (while the session is active) left until the command completes.</summary>
    public int PollsLeft { get; set; }

    public int ResultCode { get; set; }

    /// <summary>For <c>get file</c>: the session file id, reserved at POST; the file itself appears when the command completes.</summary>
    public int? FileId { get; init; }

    /// <summary>The result members (<c>files</c>, <c>file_id</c>, <c>processes</c>, …) once complete.</summary>
    public JsonObject? Result { get; set; }

    public bool IsFinished => Status is "complete" or "error" or "cancel";
}
