using System.Buffers.Text;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace CbTyped.Modeling.Json;

/// <summary>Parses every timestamp shape Cb Response sends.</summary>
/// <remarks><para>For generated code; applications should not call it, and it may change between versions.</para>
/// <list type="bullet">
/// <item>ISO UTC with 0–7+ fraction digits and <c>Z</c>: <c>2016-06-04T08:35:03.38Z</c>, <c>2016-04-12T09:21:00Z</c>;</item>
/// <item>space-separated without offset (taken as UTC): <c>2013-09-19 22:07:07.000000</c>, <c>2018-02-06 18:40:06.467689</c>;</item>
/// <item>Postgres with offset: <c>2013-09-10 07:08:37.378860-07:00</c> (also <c>+0000</c> and <c>+00</c>);</item>
/// <item>a date alone: <c>2013-12-01</c> (midnight UTC);</item>
/// <item>epoch seconds, integer or fractional, as a number or a string: <c>1517942688.4954</c>;</item>
/// <item>RFC-822: <c>Wed, 01 Jan 2020 00:00:00 GMT</c>.</item>
/// </list>
/// The fixed-position shapes are parsed by hand (no string allocation); the rest fall back to the BCL.
/// Negative epoch values (Cb sends <c>-1</c> for an unknown process start) are "no date".
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CbDateParser
{
    /// <summary>Parses one timestamp from its UTF-8 text.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        text = text.Trim((byte)' ');
        if (text.Length >= 10 && text[4] == (byte)'-' && text[7] == (byte)'-')
        {
            return TryParseIsoUtc(text, out value) || TryParseIsoLike(text, out value);
        }

        if (text.Length > 0 && (IsDigit(text[0]) || text[0] == (byte)'-'))
        {
            return TryParseEpoch(text, out value);
        }

        return TryParseFallback(text, out value);
    }

    /// <summary>
    /// The shape every search row's timestamps have, <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c> (up to 7 fraction digits), in
    /// one straight pass; false for anything else, which <see cref="TryParse"/> then reads.
    /// </summary>
    /// <remarks>
    /// A process row carries seven of these, so this shape alone was ~8% of reading every field of a page through
    /// the general parser (trimming, shape dispatch, digit loops). Here each two-digit group is read once and an
    /// invalid digit turns it into a value the range checks reject, so valid text takes no unpredictable branch.
    /// </remarks>
    public static bool TryParseIsoUtc(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length is < 20 or > 28 || text[^1] != (byte)'Z' || text[4] != (byte)'-' || text[7] != (byte)'-'
            || text[10] != (byte)'T' || text[13] != (byte)':' || text[16] != (byte)':')
        {
            return false;
        }

        int century = TwoDigits(text, 0);
        int yearOfCentury = TwoDigits(text, 2);
        int year = (century * 100) + yearOfCentury;
        int month = TwoDigits(text, 5);
        int day = TwoDigits(text, 8);
        int hour = TwoDigits(text, 11);
        int minute = TwoDigits(text, 14);
        int second = TwoDigits(text, 17);
        if (century > 99 || yearOfCentury > 99 || year == 0 || month is < 1 or > 12 || day < 1
            || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false; // a leap second (":60") included: the general parser folds it into the next second
        }

        long fractionTicks = 0;
        if (text.Length > 20)
        {
            // ".f…" between the seconds and the "Z": one to seven digits.
            int digits = text.Length - 21;
            if (text[19] != (byte)'.' || digits == 0)
            {
                return false;
            }

            for (int i = 20; i < text.Length - 1; i++)
            {
                uint digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    return false;
                }

                fractionTicks = (fractionTicks * 10) + digit;
            }

            fractionTicks *= FractionScale[digits];
        }

        long ticks = (DaysSinceEpochStart(year, month, day) * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour)
            + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fractionTicks;
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    // Two ASCII digits as a number, or a value of at least 100 (which every caller's range check rejects) when
    // either byte is not a digit.
    private static int TwoDigits(ReadOnlySpan<byte> text, int at)
    {
        uint tens = (uint)(text[at] - '0');
        uint ones = (uint)(text[at + 1] - '0');
        return tens <= 9 && ones <= 9 ? (int)((tens * 10) + ones) : 100;
    }

    /// <summary>Epoch seconds (fractional allowed) to a UTC timestamp; negative or absurd values are "no date".</summary>
    public static bool TryParseEpoch(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (!Utf8Parser.TryParse(text, out double seconds, out int consumed) || consumed != text.Length
            || !(seconds >= 0) || seconds > 253402300799)
        {
            return false;
        }

        long ticks = (long)Math.Round(seconds * TimeSpan.TicksPerSecond);
        value = new DateTimeOffset(DateTime.UnixEpoch.Ticks + ticks, TimeSpan.Zero);
        return true;
    }

    private static bool TryParseIsoLike(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (!TryDigits(text, 0, 4, out int year) || !TryDigits(text, 5, 2, out int month) || !TryDigits(text, 8, 2, out int day))
        {
            return TryParseFallback(text, out value);
        }

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        int pos = 10;
        if (text.Length > 10)
        {
            byte separator = text[10];
            if ((separator != (byte)'T' && separator != (byte)' ') || text.Length < 19 || text[13] != (byte)':' || text[16] != (byte)':'
                || !TryDigits(text, 11, 2, out hour) || !TryDigits(text, 14, 2, out minute) || !TryDigits(text, 17, 2, out second))
            {
                return TryParseFallback(text, out value);
            }

            pos = 19;
            if (pos < text.Length && (text[pos] == (byte)'.' || text[pos] == (byte)','))
            {
                pos++;
                int digits = 0;
                while (pos < text.Length && IsDigit(text[pos]))
                {
                    if (digits < 7)
                    {
                        fractionTicks = (fractionTicks * 10) + (text[pos] - '0');
                    }

                    digits++;
                    pos++;
                }

                if (digits == 0)
                {
                    return false;
                }

                fractionTicks *= FractionScale[Math.Min(digits, 7)];
            }
        }

        TimeSpan offset = TimeSpan.Zero;
        if (pos == text.Length - 1 && (text[pos] | 0x20) == (byte)'z')
        {
            pos++; // the usual "Z"
        }

        if (pos < text.Length)
        {
            ReadOnlySpan<byte> zone = text[pos..];
            if (!TryParseZone(zone, out offset))
            {
                return false;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)
            || year < 1 || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        // Ticks computed directly (the DateTime constructor re-validates what was just checked); a leap second
        // (":60") is folded into the next second rather than rejected.
        long ticks = (DaysSinceEpochStart(year, month, day) * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour)
            + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fractionTicks;
        long utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static bool TryParseZone(ReadOnlySpan<byte> zone, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (zone.Length > 0 && zone[0] == (byte)' ')
        {
            zone = zone.TrimStart((byte)' ');
        }

        if (zone.SequenceEqual("Z"u8) || zone.SequenceEqual("z"u8) || zone.SequenceEqual("GMT"u8) || zone.SequenceEqual("UTC"u8))
        {
            return true;
        }

        if (zone.Length < 3 || (zone[0] != (byte)'+' && zone[0] != (byte)'-') || !TryDigits(zone, 1, 2, out int hours))
        {
            return false;
        }

        int minutes = 0;
        if (zone.Length == 6 && zone[3] == (byte)':')
        {
            if (!TryDigits(zone, 4, 2, out minutes))
            {
                return false;
            }
        }
        else if (zone.Length == 5)
        {
            if (!TryDigits(zone, 3, 2, out minutes))
            {
                return false;
            }
        }
        else if (zone.Length != 3)
        {
            return false;
        }

        if (hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (zone[0] == (byte)'-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryParseFallback(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        string s = Encoding.UTF8.GetString(text);
        if (DateTimeOffset.TryParseExact(s, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }

        return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        if (start + count > text.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            byte c = text[i];
            if (!IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    // Ticks per unit of the n-th fraction digit, for n = 0..7 digits read.
    private static readonly long[] FractionScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    /// <summary>Days from 0001-01-01 to the date (proleptic Gregorian, as <see cref="DateTime"/> counts them).</summary>
    private static long DaysSinceEpochStart(int year, int month, int day)
    {
        int y = year - 1;
        long days = (y * 365L) + (y / 4) - (y / 100) + (y / 400) + DaysBeforeMonth[month - 1] + day - 1;
        return month > 2 && DateTime.IsLeapYear(year) ? days + 1 : days;
    }
}
