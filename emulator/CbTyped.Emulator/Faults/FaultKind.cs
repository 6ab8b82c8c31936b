using System.Globalization;

namespace CbTyped.Emulator.Faults;

/// <summary>What goes wrong with a response.</summary>
public enum FaultKind
{
    /// <summary>An error status (500, 502, 503, 504, …) with a JSON error body.</summary>
    Status,

    /// <summary>429 with a <c>Retry-After</c> header.</summary>
    TooManyRequests,

    /// <summary>Wait, then answer normally.</summary>
    Delay,

    /// <summary>Drop the connection without an answer.</summary>
    Abort,

    /// <summary>Send the headers and half the body, then drop the connection.</summary>
    TruncatedBody,

    /// <summary>200 with a JSON body cut short (it does not parse).</summary>
    MalformedJson,

    /// <summary>An HTML error page, as a proxy or load balancer in front of the server sends.</summary>
    HtmlError,

    /// <summary>
    /// The Live Response 404 <c>{"status":"NOT_FOUND","reason":"Session &lt;sid&gt; not found"}</c>, as when the server
    /// dropped the session: lets a test drive a client's re-open-and-retry path, and its retry limit.
    /// </summary>
    LiveResponseSessionNotFound,
}
