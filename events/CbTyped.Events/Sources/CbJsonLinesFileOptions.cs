namespace CbTyped.Events.Sources;

/// <summary>How to follow a file of JSON lines such as the event forwarder's file output (<c>output_type=file</c>).</summary>
public sealed class CbJsonLinesFileOptions
{
    /// <summary>The file to follow. It need not exist yet: the source waits for it.</summary>
    public string Path { get; set; } = "";

    /// <summary>Read the lines already there, or only new ones. Applies to the first file; a file that replaces it
    /// after a rotation is always read from its beginning.</summary>
    public CbFileStartPosition StartAt { get; set; } = CbFileStartPosition.Beginning;

    /// <summary>How often the file is checked for new lines, rotation and truncation once everything was read.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest line accepted, in bytes; a longer one is logged (file and line number) and skipped
    /// without being held in memory.</summary>
    public int MaxLineBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Decodes each line (a <see cref="CbBusMessage"/> with the line's <c>type</c> as routing key and
    /// content type <c>application/json</c>) into events.</summary>
    public ICbEventDecoder Decoder { get; set; } = Decoding.CbEventDecoder.Default;
}
