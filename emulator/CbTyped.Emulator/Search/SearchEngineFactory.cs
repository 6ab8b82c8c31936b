namespace CbTyped.Emulator.Search;

/// <summary>The one place that picks the query engine behind every search endpoint.</summary>
public static class SearchEngineFactory
{
    public static ISearchEngine Create() => new ScanSearchEngine();
}
