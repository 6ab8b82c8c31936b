namespace CbTyped.Events.Sources;

/// <summary>Makes a source readable one way, once: handlers (<c>RunAsync</c>) or <c>ReadAllAsync</c>.</summary>
internal sealed class SourceMode
{
    private int _mode; // 0 none, 1 handlers, 2 ReadAllAsync

    public void TakeHandlers() => Take(1);

    public void TakeReader() => Take(2);

    private void Take(int mode)
    {
        if (Interlocked.CompareExchange(ref _mode, mode, 0) != 0)
            throw new InvalidOperationException("A source is read one way: RunAsync (handlers) or ReadAllAsync, once.");
    }
}
