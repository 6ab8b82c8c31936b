namespace CbTyped.Response;

/// <summary>What a file modification did (cbapi's filemod types).</summary>
public enum FileModType
{
    /// <summary>A value Cb did not document.</summary>
    Unknown = 0,
    /// <summary>1: the file was created.</summary>
    CreatedFile = 1,
    /// <summary>2: the first write to the file.</summary>
    FirstWrote = 2,
    /// <summary>4: the file was deleted.</summary>
    Deleted = 4,
    /// <summary>8: the last write to the file.</summary>
    LastWrote = 8,
}
