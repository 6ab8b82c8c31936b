namespace CbTyped.Response;

/// <summary>One entry of a <c>directory list</c> result.</summary>
/// <param name="FileName"><c>filename</c>: the name within its directory (no path).</param>
/// <param name="Attributes"><c>attributes</c>, e.g. <c>DIRECTORY</c> or <c>ARCHIVE</c>.</param>
/// <param name="Size"><c>size</c> in bytes.</param>
/// <param name="CreateTime"><c>create_time</c>.</param>
/// <param name="LastAccessTime"><c>last_access_time</c>.</param>
/// <param name="LastWriteTime"><c>last_write_time</c>.</param>
public sealed record LiveResponseDirectoryEntry(
    string FileName,
    IReadOnlyList<string> Attributes,
    long Size,
    DateTimeOffset? CreateTime,
    DateTimeOffset? LastAccessTime,
    DateTimeOffset? LastWriteTime)
{
    /// <summary>Whether the entry is a directory (<c>DIRECTORY</c> among its attributes).</summary>
    public bool IsDirectory => Attributes.Contains("DIRECTORY", StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the entry is a symbolic link or junction (<c>REPARSE_POINT</c> among its attributes), such as Windows'
    /// <c>c:\programdata\application data</c>, which points back at its parent.
    /// </summary>
    public bool IsLink => Attributes.Contains("REPARSE_POINT", StringComparer.OrdinalIgnoreCase);

    /// <summary>The entries of a completed <c>directory list</c> (its <c>files</c>); none when absent.</summary>
    internal static IReadOnlyList<LiveResponseDirectoryEntry> FromCommand(IReadOnlyList<LiveResponseCommand.DirectoryEntry?>? files) =>
        files is null ? [] : [.. files.OfType<LiveResponseCommand.DirectoryEntry>().Select(file => new LiveResponseDirectoryEntry(
            file.FileName ?? string.Empty,
            file.Attributes ?? [],
            file.Size ?? 0,
            LiveResponseJson.EpochTime(file.CreateTime),
            LiveResponseJson.EpochTime(file.LastAccessTime),
            LiveResponseJson.EpochTime(file.LastWriteTime)))];
}
