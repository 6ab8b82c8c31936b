using System.Globalization;

namespace CbTyped;

/// <summary>
/// The most bytes one response body may have, and the request it belongs to, so that passing it names the request,
/// the limit and the option that sets it.
/// </summary>
internal readonly record struct CbBodyLimit(long MaxBytes, string OptionName, string Method, string Path, int Status)
{
    /// <summary>No limit (streamed bodies unless <see cref="CbResponseClientOptions.MaxStreamedResponseBytes"/> is set).</summary>
    public bool IsUnlimited => MaxBytes == long.MaxValue;

    /// <summary>Refuses a declared length over the limit, before anything is read or allocated.</summary>
    public void ThrowIfDeclaredOver(long? declared)
    {
        if (declared is { } length && length > MaxBytes)
            throw Exceeded(length);
    }

    /// <summary>The error for a body that declared <paramref name="declared"/> bytes, or (null) sent more than allowed.</summary>
    public CbResponseTooLargeException Exceeded(long? declared = null)
    {
        var limit = MaxBytes.ToString(CultureInfo.InvariantCulture);
        var what = declared is { } length
            ? $"declares Content-Length {length.ToString(CultureInfo.InvariantCulture)}, over the limit of {limit} bytes; nothing was read"
            : $"is longer than the limit of {limit} bytes; reading stopped there";
        return new CbResponseTooLargeException(
            $"The response to {Method} {Path} (response {Status.ToString(CultureInfo.InvariantCulture)}) {what} " +
            $"(set CbResponseClientOptions.{OptionName} to accept more).",
            Status, Method, Path, MaxBytes, declared);
    }
}
