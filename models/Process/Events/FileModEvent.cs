namespace CbTyped.Response;

/// <summary>A file modification.</summary>
public sealed record FileModEvent : ProcessEvent
{
    /// <summary>What happened to the file.</summary>
    public FileModType Type { get; init; }

    /// <summary>The file's path.</summary>
    public string? Path { get; init; }

    /// <summary>The MD5 after the last write (empty otherwise).</summary>
    public string? Md5 { get; init; }

    /// <summary>The kind of file.</summary>
    public FileModFileType FileType { get; init; }

    /// <inheritdoc />
    public override string EventType => "filemod";
}
