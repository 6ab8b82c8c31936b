using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>
/// For generated code: what a spec's operations need from the session beyond <see cref="ICbModelSession"/>: one
/// request whose answer body is returned for the generated readers.
/// <c>CbResponseClient</c> implements it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICbOperationSession : ICbModelSession
{
    /// <summary>
    /// Sends one request (authentication, retry of idempotent methods, logging and error mapping as every request) and
    /// returns the answer's body; an <c>errorMessage</c> in a JSON object answer is a <see cref="CbServerException"/>.
    /// </summary>
    Task<byte[]> SendOperationAsync(string method, string pathAndQuery, ReadOnlyMemory<byte>? jsonBody, CancellationToken cancellationToken);

    /// <summary>
    /// Like <see cref="SendOperationAsync"/> with a <c>multipart/form-data</c> body of <paramref name="parts"/> (file
    /// parts are read from their streams, which stay open). Never retried: a form body is a write.
    /// </summary>
    Task<byte[]> SendOperationFormAsync(string method, string pathAndQuery, IReadOnlyList<CbFormPart> parts, CancellationToken cancellationToken);

    /// <summary>Like <see cref="SendOperationAsync"/>, but returns the body as a stream as soon as the headers arrive; the caller disposes it.</summary>
    Task<Stream> SendOperationStreamAsync(string method, string pathAndQuery, ReadOnlyMemory<byte>? jsonBody, CancellationToken cancellationToken);
}
