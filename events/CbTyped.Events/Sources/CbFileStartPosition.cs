namespace CbTyped.Events.Sources;

/// <summary>Where a followed file is first read from.</summary>
public enum CbFileStartPosition
{
    /// <summary>Every line already in the file, then the new ones (cbapi's <c>FileEventSource</c> does this).</summary>
    Beginning,

    /// <summary>Only lines written after the source started (a line being written at that moment is skipped).</summary>
    End,
}
