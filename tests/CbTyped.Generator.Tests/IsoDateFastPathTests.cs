using System.Globalization;
using System.Text;
using CbTyped.Modeling.Json;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// <see cref="CbDateParser.TryParseIsoUtc"/> (the search rows' <c>yyyy-MM-ddTHH:mm:ss[.f…]Z</c>) agrees with the BCL
/// parsing the same exact format: the same value when both accept, and a refusal whenever the BCL refuses.
/// </summary>
public class IsoDateFastPathTests
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    [Fact]
    public void Every_fraction_length_reads_as_the_BCL_reads_it()
    {
        var random = new Random(20261128);
        for (int i = 0; i < 2000; i++)
        {
            var instant = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            int digits = i % 8;
            string text = Format(instant, digits);

            Assert.True(CbDateParser.TryParseIsoUtc(Encoding.ASCII.GetBytes(text), out DateTimeOffset value), text);
            Assert.Equal(ParseExact(text, digits), value);
            Assert.Equal(TimeSpan.Zero, value.Offset);
        }
    }

    [Fact]
    public void A_wrong_character_anywhere_is_refused_exactly_when_the_BCL_refuses_it()
    {
        string[] samples = ["2016-02-29T23:59:59.1234567Z", "2017-08-28T18:35:57.663Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9Z"];
        char[] replacements = ['0', '1', '2', '3', '5', '9', '/', ':', '-', 'T', 'Z', '.', ' ', 'a', '\u00e9'];
        int refused = 0;
        foreach (string sample in samples)
        {
            int digits = sample.Length > 20 ? sample.Length - 21 : 0;
            for (int position = 0; position < sample.Length; position++)
            {
                foreach (char replacement in replacements)
                {
                    string text = sample[..position] + replacement + sample[(position + 1)..];
                    bool bcl = TryParseExact(text, digits, out DateTimeOffset expected);
                    bool fast = CbDateParser.TryParseIsoUtc(Encoding.UTF8.GetBytes(text), out DateTimeOffset value);

                    Assert.True(bcl == fast, $"{text}: the BCL says {bcl}, the fast path {fast}");
                    if (fast)
                    {
                        Assert.Equal(expected, value);
                    }
                    else
                    {
                        refused++;
                    }
                }
            }
        }

        Assert.True(refused > 500, "the mutations should mostly be invalid dates");
    }

    [Theory]
    [InlineData("2015-02-29T00:00:00Z")] // not a leap year
    [InlineData("2016-13-01T00:00:00Z")]
    [InlineData("2016-00-10T00:00:00Z")]
    [InlineData("2016-04-31T00:00:00Z")]
    [InlineData("2016-04-12T24:00:00Z")]
    [InlineData("0000-04-12T00:00:00Z")]
    [InlineData("2016-04-12T09:21:00.Z")]
    [InlineData("2016-04-12T09:21:00,5Z")]
    [InlineData("2016-04-12T09:21:00.12345678Z")] // eight digits: longer than the fast path reads; the general parser does
    [InlineData("2016-04-12 09:21:00Z")]
    [InlineData("2016-04-12T09:21:00+00:00")]
    public void Shapes_and_values_outside_the_fast_path_are_left_to_the_general_parser(string text)
    {
        Assert.False(CbDateParser.TryParseIsoUtc(Encoding.ASCII.GetBytes(text), out _));
    }

    [Fact]
    public void A_leap_second_is_left_to_the_general_parser_which_folds_it_into_the_next_second()
    {
        byte[] text = "2016-12-31T23:59:60Z"u8.ToArray();

        Assert.False(CbDateParser.TryParseIsoUtc(text, out _));
        Assert.True(CbDateParser.TryParse(text, out DateTimeOffset value));
        Assert.Equal(new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero), value);
    }

    private static string Format(DateTime instant, int digits) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss" + (digits > 0 ? "." + new string('f', digits) : "") + "'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseExact(string text, int digits) =>
        TryParseExact(text, digits, out DateTimeOffset value) ? value : throw new FormatException(text);

    private static bool TryParseExact(string text, int digits, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text,
            "yyyy-MM-dd'T'HH:mm:ss" + (digits > 0 ? "." + new string('f', digits) : "") + "'Z'",
            CultureInfo.InvariantCulture,
            Utc,
            out value);
}
