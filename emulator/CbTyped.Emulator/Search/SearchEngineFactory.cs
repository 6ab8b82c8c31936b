using CbTyped.Emulator.Query;

namespace CbTyped.Emulator.Search;

/// <summary>The one place that picks the query engine behind every search endpoint.</summary>
internal static class SearchEngineFactory
{
    /// <summary>The Cb query engine; relative dates (<c>start:-24h</c>) count back from <paramref name="clock"/>.</summary>
    public static ISearchEngine Create(TimeProvider clock) => new CbSearchEngine(clock);
}
