using CbTyped.Emulator.Query.Index;
using CbTyped.Emulator.Query.Schema;
using CbTyped.Emulator.Search;

namespace CbTyped.Emulator.Query;

/// <summary>The emulator's search engine: Cb's query language over in-memory indexes (docs/query-language.md).</summary>
/// <param name="time">The clock for relative dates (<c>start:-2h</c>); the system clock when null.</param>
internal sealed class CbSearchEngine(TimeProvider? time = null) : ISearchEngine
{
    /// <summary>Uses the system clock.</summary>
    public CbSearchEngine()
        : this(null)
    {
    }

    /// <inheritdoc />
    public ISearchIndex Build(SearchIndexKind kind, IReadOnlyList<ISearchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var index = new CbSearchIndex(SchemaOf(kind), time);
        index.AddRange(documents);
        return index;
    }

    /// <summary>The schema of a collection.</summary>
    public static CbIndexSchema SchemaOf(SearchIndexKind kind) => kind switch
    {
        SearchIndexKind.Process => CbIndexSchema.Process,
        SearchIndexKind.Binary => CbIndexSchema.Binary,
        SearchIndexKind.Alert => CbIndexSchema.Alert,
        SearchIndexKind.ThreatReport => CbIndexSchema.ThreatReport,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown index kind"),
    };
}
