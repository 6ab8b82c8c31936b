namespace CbTyped;

/// <summary>
/// The synchronous pairs run the async code on the thread pool and wait: simple, and it cannot deadlock on a caller's
/// synchronization context (UI, old ASP.NET), because no continuation needs the blocked thread.
/// </summary>
internal static class CbSync
{
    public static T Run<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken) =>
        Task.Run(() => operation(cancellationToken), cancellationToken).GetAwaiter().GetResult();

    public static void Run(Func<CancellationToken, Task> operation, CancellationToken cancellationToken) =>
        Task.Run(() => operation(cancellationToken), cancellationToken).GetAwaiter().GetResult();
}
