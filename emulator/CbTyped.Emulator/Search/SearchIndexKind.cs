namespace CbTyped.Emulator.Search;

/// <summary>The searchable collections of a Cb Response server.</summary>
internal enum SearchIndexKind
{
    Process,
    Binary,
    Alert,
    ThreatReport,
}
