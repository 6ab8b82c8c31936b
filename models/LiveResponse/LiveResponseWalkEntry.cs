namespace CbTyped.Response;

/// <summary>One directory visited by <see cref="LiveResponseSession.WalkAsync"/> (Python's <c>os.walk</c> triple).</summary>
/// <param name="Path">The directory's path.</param>
/// <param name="Directories">Names of its sub-directories (<c>.</c> and <c>..</c> left out).</param>
/// <param name="Files">Names of its other entries.</param>
public sealed record LiveResponseWalkEntry(string Path, IReadOnlyList<string> Directories, IReadOnlyList<string> Files);
