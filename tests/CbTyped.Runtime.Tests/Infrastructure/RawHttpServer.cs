using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CbTyped.Runtime.Tests.Infrastructure;

/// <summary>
/// A bare TCP server on 127.0.0.1 for answers Kestrel will not send (malformed HTTP, a lying Content-Length closed
/// cleanly): it reads each request's head, records it, and lets the test write whatever bytes it likes.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<Stream, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    private RawHttpServer(Func<Stream, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Url { get; }

    /// <summary>Every request head received (request line and headers), in arrival order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Answers every request by writing to the connection; the connection is closed when it returns.</summary>
    public static RawHttpServer Start(Func<Stream, Task> respond) => new(respond);

    /// <summary>Answers every request with these bytes, then closes the connection.</summary>
    public static RawHttpServer Answering(string rawResponse) =>
        new(stream => stream.WriteAsync(Encoding.ASCII.GetBytes(rawResponse)).AsTask());

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try { connection = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        using (connection)
        {
            try
            {
                var stream = connection.GetStream();
                Requests.Enqueue(await ReadHeadAsync(stream));
                await _respond(stream);
                await stream.FlushAsync();
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away first; nothing to answer.
            }
        }
    }

    private static async Task<string> ReadHeadAsync(Stream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            head.Append((char)one[0]);
        return head.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
