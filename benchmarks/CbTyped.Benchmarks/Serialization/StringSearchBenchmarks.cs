using System.Buffers;
using BenchmarkDotNet.Attributes;
using CbTyped.Modeling.Json;

namespace CbTyped.Benchmarks.Serialization;

/// <summary>
/// The scanner's two string searches (<c>CbJsonScanner.IndexOfQuoteOrBackslash</c> and <c>IndexOfStringStop</c>, an
/// inlined hand-written 32-byte vector compare) against the library's <c>IndexOfAny</c> and <see cref="SearchValues{T}"/>
/// on the same search page: each case walks the whole page from one stop to the next, so the inputs are the page's own
/// gaps between quotes and backslashes (mostly 2–40 bytes, the lengths of names and values), which is what the scanner
/// searches when it reads a page. The result is the number of stops, the same for every case of a pair.
/// </summary>
[MemoryDiagnoser]
public class StringSearchBenchmarks
{
    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);

    // '"', '\' and every non-ASCII byte: what IndexOfStringStop stops at.
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private byte[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _page = BenchmarkData.ProcessSearchPage(100);
        if (QuoteHandWritten() != QuoteIndexOfAny() || QuoteHandWritten() != QuoteSearchValues()
            || StopHandWritten() != StopSearchValues())
        {
            throw new InvalidOperationException("The searches disagree about the page.");
        }
    }

    [Benchmark(Baseline = true, Description = "quote or backslash: hand-written")]
    public int QuoteHandWritten()
    {
        ReadOnlySpan<byte> page = _page;
        int stops = 0;
        for (int pos = CbJsonScanner.IndexOfQuoteOrBackslash(page, 0); pos >= 0; pos = CbJsonScanner.IndexOfQuoteOrBackslash(page, pos + 1))
        {
            stops++;
        }

        return stops;
    }

    [Benchmark(Description = "quote or backslash: IndexOfAny(a, b)")]
    public int QuoteIndexOfAny()
    {
        ReadOnlySpan<byte> page = _page;
        int stops = 0;
        int pos = 0;
        while (true)
        {
            int index = page[pos..].IndexOfAny((byte)'"', (byte)'\\');
            if (index < 0)
            {
                return stops;
            }

            stops++;
            pos += index + 1;
        }
    }

    [Benchmark(Description = "quote or backslash: SearchValues")]
    public int QuoteSearchValues()
    {
        ReadOnlySpan<byte> page = _page;
        int stops = 0;
        int pos = 0;
        while (true)
        {
            int index = page[pos..].IndexOfAny(QuoteOrBackslash);
            if (index < 0)
            {
                return stops;
            }

            stops++;
            pos += index + 1;
        }
    }

    [Benchmark(Description = "string stop: hand-written")]
    public int StopHandWritten()
    {
        ReadOnlySpan<byte> page = _page;
        int stops = 0;
        for (int pos = CbJsonScanner.IndexOfStringStop(page, 0); pos >= 0; pos = CbJsonScanner.IndexOfStringStop(page, pos + 1))
        {
            stops++;
        }

        return stops;
    }

    [Benchmark(Description = "string stop: SearchValues")]
    public int StopSearchValues()
    {
        ReadOnlySpan<byte> page = _page;
        int stops = 0;
        int pos = 0;
        while (true)
        {
            int index = page[pos..].IndexOfAny(StringStops);
            if (index < 0)
            {
                return stops;
            }

            stops++;
            pos += index + 1;
        }
    }
}
