using CbTyped.Modeling;
using Microsoft.Extensions.Logging;

namespace CbTyped;

/// <summary>The send surface generated operations use (<see cref="ICbOperationSession"/>).</summary>
public partial class CbResponseClient : ICbOperationSession
{
    async Task<byte[]> ICbOperationSession.SendOperationAsync(string method, string pathAndQuery, ReadOnlyMemory<byte>? jsonBody, CancellationToken cancellationToken)
    {
        using var response = await SendOperationCoreAsync(method, pathAndQuery, jsonBody, streaming: false, cancellationToken).ConfigureAwait(false);
        var body = await CbBufferedContent.BodyOfAsync(response, cancellationToken).ConfigureAwait(false);
        if (body.Length > 0 && Logger.IsEnabled(LogLevel.Debug))
            CbLog.ReceivedResponse(Logger, CbErrorMapper.BodyText(body));
        CbOperationAnswer.ThrowIfErrorMessage(body, (int)response.StatusCode, method, pathAndQuery);
        return body;
    }

    async Task<byte[]> ICbOperationSession.SendOperationFormAsync(string method, string pathAndQuery, IReadOnlyList<CbFormPart> parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parts);
        using var form = new MultipartFormDataContent();
        foreach (var part in parts)
        {
            if (part.Content is { } content)
            {
                var file = new CbFormFileContent(content);
                file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
                form.Add(file, part.Name, part.FileName!);
            }
            else
            {
                form.Add(new StringContent(part.TextValue!), part.Name);
            }
        }

        using var response = await SendAsync(new HttpMethod(method), pathAndQuery, form, cancellationToken).ConfigureAwait(false);
        var body = await CbBufferedContent.BodyOfAsync(response, cancellationToken).ConfigureAwait(false);
        if (body.Length > 0 && Logger.IsEnabled(LogLevel.Debug))
            CbLog.ReceivedResponse(Logger, CbErrorMapper.BodyText(body));
        CbOperationAnswer.ThrowIfErrorMessage(body, (int)response.StatusCode, method, pathAndQuery);
        return body;
    }

    async Task<Stream> ICbOperationSession.SendOperationStreamAsync(string method, string pathAndQuery, ReadOnlyMemory<byte>? jsonBody, CancellationToken cancellationToken)
    {
        var response = await SendOperationCoreAsync(method, pathAndQuery, jsonBody, streaming: true, cancellationToken).ConfigureAwait(false);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new CbResponseBodyStream(response, body);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendOperationCoreAsync(string method, string pathAndQuery, ReadOnlyMemory<byte>? jsonBody, bool streaming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        using var content = jsonBody is { } body ? JsonContent(body) : null;
        if (jsonBody is { } logged && Logger.IsEnabled(LogLevel.Debug))
            CbLog.SendingBody(Logger, method, pathAndQuery, CbErrorMapper.BodyText(logged.Span));
        var httpMethod = new HttpMethod(method);
        return streaming
            ? await SendStreamingAsync(httpMethod, pathAndQuery, content, cancellationToken).ConfigureAwait(false)
            : await SendAsync(httpMethod, pathAndQuery, content, cancellationToken).ConfigureAwait(false);
    }
}
