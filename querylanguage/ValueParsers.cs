using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace CbTyped.QueryLanguage;

/// <summary>Reads typed query values (docs/query-language.md, Dates and Field types). Each returns false for text of the wrong shape.</summary>
internal static class ValueParsers
{
    private static readonly string[] DateTimeFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss",
    };

    /// <summary>
    /// A date query value as a half-open tick window [From, To): a day → that day; an instant → the 24 h starting
    /// there (documented Cb behaviour); <c>-2h</c>/<c>-10m</c>/<c>-30s</c>/<c>-1d</c>/<c>-1w</c> → from now minus that
    /// to now (inclusive).
    /// </summary>
    public static bool TryParseDateWindow(string text, DateTime now, out long from, out long to)
    {
        if (TryParseRelative(text, now, out var instant))
        {
            from = instant;
            to = now.Ticks + 1;
            return true;
        }

        if (TryParseDay(text, out var day))
        {
            from = day.Ticks;
            to = day.AddDays(1).Ticks;
            return true;
        }

        if (TryParseInstant(text, out var moment))
        {
            from = moment.Ticks;
            to = moment.AddDays(1).Ticks;
            return true;
        }

        from = to = 0;
        return false;
    }

    /// <summary>
    /// A range bound in ticks. A day as an upper bound means the end of that day when inclusive, its start when
    /// exclusive; a lower bound always means its start.
    /// </summary>
    public static bool TryParseDateBound(string text, DateTime now, bool isUpper, bool inclusive, out long ticks)
    {
        if (text.Equals("NOW", StringComparison.OrdinalIgnoreCase))
        {
            ticks = now.Ticks;
            return true;
        }

        if (TryParseRelative(text, now, out ticks))
        {
            return true;
        }

        if (TryParseInstant(text, out var instant))
        {
            ticks = instant.Ticks;
            return true;
        }

        if (TryParseDay(text, out var day))
        {
            ticks = isUpper && inclusive ? day.AddDays(1).Ticks - 1 : day.Ticks;
            return true;
        }

        ticks = 0;
        return false;
    }

    public static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    public static bool TryParseFloat(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>An IPv4 address or CIDR block (<c>192.168.0.0/16</c>; no mask = /32) as an inclusive range.</summary>
    public static bool TryParseCidr(string text, out uint first, out uint last)
    {
        first = last = 0;
        var slash = text.IndexOf('/');
        var prefixLength = 32;
        if (slash >= 0
            && (!int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out prefixLength)
                || prefixLength > 32))
        {
            return false;
        }

        if (!TryParseIPv4(slash >= 0 ? text.Substring(0, slash) : text, out var address))
        {
            return false;
        }

        var mask = prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);
        first = address & mask;
        last = first | ~mask;
        return true;
    }

    /// <summary>A dotted IPv4 address in host order.</summary>
    public static bool TryParseIPv4(string text, out uint address)
    {
        address = 0;
        if (text.Count(c => c == '.') != 3
            || !IPAddress.TryParse(text, out var parsed)
            || parsed.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var bytes = parsed.GetAddressBytes();
        address = ((uint)bytes[0] << 24) | ((uint)bytes[1] << 16) | ((uint)bytes[2] << 8) | bytes[3];
        return true;
    }

    private static bool TryParseRelative(string text, DateTime now, out long ticks)
    {
        ticks = 0;
        if (text.Length < 3 || text[0] != '-'
            || !long.TryParse(text.Substring(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        TimeSpan unit = char.ToLowerInvariant(text[text.Length - 1]) switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero || amount > TimeSpan.MaxValue.Ticks / unit.Ticks)
        {
            return false;
        }

        ticks = Math.Max(0, now.Ticks - (amount * unit.Ticks));
        return true;
    }

    private static bool TryParseDay(string text, out DateTime day) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out day);

    private static bool TryParseInstant(string text, out DateTime instant) =>
        DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out instant);
}
