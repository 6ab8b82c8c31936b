namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>A file or directory of an emulated endpoint. Times are epoch seconds, as <c>directory list</c> reports them.</summary>
internal sealed class EmulatedFileNode
{
    public required string Name { get; set; }

    public required bool IsDirectory { get; init; }

    /// <summary>
    /// A junction or symbolic link (<c>REPARSE_POINT</c> among its attributes). The emulator does not follow it:
    /// listing it is access denied, as Windows answers for its compatibility junctions.
    /// </summary>
    public bool IsReparsePoint { get; init; }

    public byte[] Content { get; set; } = [];

    /// <summary>Entries by name, case-insensitive and in the alphabetical order NTFS lists them.</summary>
    public SortedDictionary<string, EmulatedFileNode> Children { get; } = new(StringComparer.OrdinalIgnoreCase);

    public long CreateTime { get; set; }

    public long LastAccessTime { get; set; }

    public long LastWriteTime { get; set; }
}
