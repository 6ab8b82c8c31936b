namespace CbTyped;

/// <summary>The identity cache: one model instance per (type, key) within a time and size bound.</summary>
public sealed class CbCacheOptions
{
    /// <summary>Keep the identity cache (default true). Off: every get makes a request and returns a new object.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long an object stays after it was loaded (cbapi: 60 s). Reads do not extend it.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many objects are kept; the least recently used leaves first (cbapi: 1024).</summary>
    public int MaxSize { get; set; } = 1024;
}
