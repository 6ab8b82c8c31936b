using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Authentication;
using Microsoft.Extensions.Logging;
using Polly;

namespace CbTyped;

/// <summary>
/// Sends one logical request: builds the URL (base + path), adds <c>X-Auth-Token</c> and the User-Agent, applies the
/// per-attempt timeout and the retry pipeline, logs cbapi's line, and maps failures to the error hierarchy.
/// </summary>
internal sealed class CbHttpTransport : IDisposable
{
    private static readonly string UserAgentBase = BuildUserAgent();

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _token;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retrying;
    private readonly CbRedirectPolicy _redirects;
    private readonly long _maxBufferedBytes;
    private readonly long _maxStreamedBytes;

    public CbHttpTransport(CbCredentials credentials, CbResponseClientOptions options, ILogger logger)
    {
        Settings = CbConnectionSettings.Resolve(credentials, options);
        _token = credentials.Token;
        _timeout = options.Timeout;
        _logger = logger;
        _userAgent = string.IsNullOrWhiteSpace(options.ApplicationId) ? UserAgentBase : UserAgentBase + " " + options.ApplicationId.Trim();
        ServerTags = new CbServerTags(Settings.BaseUrl);
        _retrying = CbRetryPipeline.Create(options.Retry, logger, ServerTags);
        _redirects = new CbRedirectPolicy(Settings.BaseUrl, options.FollowRedirects, _token);
        _maxBufferedBytes = options.MaxResponseBytes;
        _maxStreamedBytes = options.MaxStreamedResponseBytes ?? long.MaxValue;
        if (options.HttpClient is { } callers)
        {
            _http = callers;
        }
        else
        {
            var handler = options.Transport ?? CbHttpHandlerFactory.Create(Settings);
            _http = new HttpClient(handler, disposeHandler: options.Transport is null) { Timeout = Timeout.InfiniteTimeSpan };
            _ownsHttp = true;
        }
    }

    public CbConnectionSettings Settings { get; }

    public Uri BaseUrl => Settings.BaseUrl;

    /// <summary>The server's address and port, as every span and metric of this client names them.</summary>
    public CbServerTags ServerTags { get; }

    /// <summary>
    /// Sends the request and returns the successful response, its body buffered unless <paramref name="streamBody"/>.
    /// Any status ≥ 400 becomes the matching <see cref="CbApiException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, bool streamBody, CancellationToken cancellationToken)
    {
        var methodName = method.Method;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(CbRetryPipeline.RequestLine, methodName + " " + pathAndQuery);
        var pipeline = CbRetryPipeline.IsIdempotent(method) ? _retrying : ResiliencePipeline<HttpResponseMessage>.Empty;
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                static (ctx, state) =>
                {
                    var attempt = ctx.Properties.GetValue(CbRetryPipeline.Attempt, 0);
                    ctx.Properties.Set(CbRetryPipeline.Attempt, attempt + 1);
                    return state.Transport.AttemptAsync(state.Method, state.Path, state.Content, state.StreamBody, attempt, ctx.CancellationToken);
                },
                context,
                (Transport: this, Method: method, Path: pathAndQuery, Content: content, StreamBody: streamBody)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw MapTransportFailure(e, methodName, pathAndQuery, BaseUrl);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        var status = (int)response.StatusCode;
        if (status < 400)
            return response;
        using (response)
        {
            var body = await ReadErrorBodyAsync(response, cancellationToken).ConfigureAwait(false);
            throw CbErrorMapper.FromStatus(status, body, methodName, pathAndQuery);
        }
    }

    /// <summary>
    /// One attempt: a fresh request message (one cannot be sent twice), under its own timeout. Redirects are decided
    /// here, hop by hop (<see cref="CbRedirectPolicy"/>): the handler never follows one, so the token stays on the origin.
    /// Each hop is one HTTP span and duration measurement (<see cref="CbHttpRequestTelemetry"/>), its resend count the
    /// retry number plus the hops before it; a buffered body is read inside the last hop's span.
    /// </summary>
    private async ValueTask<HttpResponseMessage> AttemptAsync(HttpMethod method, string pathAndQuery, HttpContent? content, bool streamBody, int attempt, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_timeout != Timeout.InfiniteTimeSpan)
            timeout.CancelAfter(_timeout);
        var started = Stopwatch.GetTimestamp();
        var uri = new Uri(BaseUrl.OriginalString + pathAndQuery, UriKind.Absolute);
        var hopPath = pathAndQuery;
        HttpResponseMessage? response = null;
        var hop = default(CbHttpRequestTelemetry);
        var hopOpen = false;
        try
        {
            for (var hops = 0; ; hops++)
            {
                using var request = NewRequest(method, uri, content);
                hop = CbHttpRequestTelemetry.Start(method.Method, uri, attempt + hops, ServerTags);
                hopOpen = true;
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                CbLog.HttpCompleted(_logger, method.Method, hopPath, Seconds(started), (int)response.StatusCode);
                _redirects.CheckFollowedByHandler(response, method, pathAndQuery, uri);
                if (!CbRedirectPolicy.IsRedirect(response.StatusCode))
                    break;
                var next = _redirects.NextHop(response, method, pathAndQuery, uri, hops);
                hopOpen = false;
                hop.Stop((int)response.StatusCode);
                response.Dispose();
                response = null;
                CbLog.FollowingRedirect(_logger, method.Method, hopPath, next.PathAndQuery);
                uri = next;
                hopPath = next.PathAndQuery;
            }
            var status = (int)response.StatusCode;
            if (streamBody)
                CbStreamedContent.Wrap(response, _timeout, new CbBodyLimit(_maxStreamedBytes, nameof(CbResponseClientOptions.MaxStreamedResponseBytes), method.Method, pathAndQuery, status));
            else
                await CbBufferedContent.LoadAsync(response, new CbBodyLimit(_maxBufferedBytes, nameof(CbResponseClientOptions.MaxResponseBytes), method.Method, pathAndQuery, status), timeout.Token).ConfigureAwait(false);
            hopOpen = false;
            hop.Stop(status);
            return response;
        }
        catch (Exception e) when (hopOpen && StopHop(hop, response, e, cancellationToken.IsCancellationRequested))
        {
            throw; // not reached: StopHop records the failure and returns false
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            CbLog.HttpFailed(_logger, method.Method, pathAndQuery, Seconds(started), "timed out");
            throw new CbTimeoutException(
                $"Timed out when requesting {method.Method} {BaseUrl.OriginalString}{pathAndQuery} from API after {_timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s",
                method.Method, pathAndQuery, e);
        }
        catch (OperationCanceledException)
        {
            response?.Dispose(); // the caller's own cancellation: stays a cancellation
            throw;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            response?.Dispose();
            CbLog.HttpFailed(_logger, method.Method, pathAndQuery, Seconds(started), e.Message);
            throw;
        }
        catch (CbApiException e) when (e is CbRedirectException or CbResponseTooLargeException)
        {
            response?.Dispose();
            CbLog.HttpFailed(_logger, method.Method, pathAndQuery, Seconds(started), e.Message);
            throw;
        }
    }

    /// <summary>
    /// Ends the open hop's span with what ended it: a timeout is <c>error.type</c> <see cref="CbTimeoutException"/>; a
    /// caller's cancellation (also a page request the pager no longer needs) ends it without an error. An exception
    /// filter that returns false, so the catch blocks below still handle the exception.
    /// </summary>
    private static bool StopHop(CbHttpRequestTelemetry hop, HttpResponseMessage? response, Exception e, bool callerCancelled)
    {
        int? status = response is null ? null : (int)response.StatusCode;
        if (e is OperationCanceledException)
            hop.Stop(status, callerCancelled ? null : TimeoutErrorType);
        else
            hop.Stop(status, CbInstruments.ErrorType(e));
        return false;
    }

    private static readonly string TimeoutErrorType = typeof(CbTimeoutException).FullName!;

    private HttpRequestMessage NewRequest(HttpMethod method, Uri uri, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("X-Auth-Token", _token);
        request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Content = content is null ? null : new NonDisposingContent(content);
        return request;
    }

    /// <summary>Maps what the retry pipeline let through (transport exceptions) to the error hierarchy.</summary>
    public static CbApiException MapTransportFailure(Exception e, string method, string pathAndQuery, Uri baseUrl) => e switch
    {
        HttpRequestException { InnerException: AuthenticationException tls } => new CbConnectionException(
            $"TLS handshake with {baseUrl.Authority} failed for {method} {pathAndQuery}: {tls.Message} " +
            "(check the server certificate, ssl_cert_file / CaCertificateFile, or ssl_verify)", method, pathAndQuery, e),
        _ => new CbConnectionException(
            $"Received a network connection error from {baseUrl.Authority} for {method} {pathAndQuery}: {e.Message}", method, pathAndQuery, e),
    };

    /// <summary>
    /// An error answer's body, for the message: a buffered one as is; a streamed one (whose size is not limited by
    /// default) only its first <see cref="MaxStreamedErrorBody"/> bytes, and nothing if it stalls or breaks.
    /// </summary>
    private static async Task<byte[]> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is CbBufferedContent buffered)
            return buffered.Body;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var body = new byte[MaxStreamedErrorBody];
                var length = await stream.ReadAtLeastAsync(body, body.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return body.AsSpan(0, length).ToArray();
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or CbTimeoutException or CbResponseTooLargeException)
        {
            return [];
        }
    }

    private const int MaxStreamedErrorBody = 64 * 1024;

    private static string Seconds(long started) =>
        Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string BuildUserAgent()
    {
        var version = typeof(CbHttpTransport).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return $"CbTyped/{version.ToString(3)} .NET/{Environment.Version.ToString(3)}";
    }

    public void Dispose()
    {
        if (_ownsHttp)
            _http.Dispose();
    }

    /// <summary>
    /// Lets one caller-built body be sent by several attempts: HttpClient disposes a request's content after sending,
    /// so each attempt wraps the original in this pass-through that does not dispose it.
    /// </summary>
    private sealed class NonDisposingContent : HttpContent
    {
        private readonly HttpContent _inner;

        public NonDisposingContent(HttpContent inner)
        {
            _inner = inner;
            foreach (var header in inner.Headers)
                Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            _inner.CopyToAsync(stream);

        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken) =>
            _inner.CopyToAsync(stream, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = _inner.Headers.ContentLength ?? -1;
            return length >= 0;
        }
    }
}
