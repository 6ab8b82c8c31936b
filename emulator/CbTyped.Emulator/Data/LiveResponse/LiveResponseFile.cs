namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>A file held by a session: one a client uploaded (for <c>put file</c>) or one <c>get file</c> fetched.</summary>
internal sealed class LiveResponseFile
{
    public required int Id { get; init; }

    public required int SessionId { get; init; }

    public required string FileName { get; init; }

    public required byte[] Content { get; init; }
}
