namespace CbTyped.Emulator.Query.Schema;

/// <summary>
/// The fields of one searchable collection: types, default fields, dynamic field families
/// (<c>watchlist_&lt;id&gt;</c>, <c>alliance_score_&lt;feed&gt;</c>), facets and the default sort.
/// </summary>
internal sealed class CbIndexSchema
{
    private readonly Dictionary<string, CbFieldDefinition> _fields;
    private readonly (string Prefix, CbFieldType Type)[] _dynamicPrefixes;
    private readonly CbIndexSchema? _joined;
    private readonly string[] _joinSuffixes;

    internal CbIndexSchema(
        string name,
        string defaultSort,
        IEnumerable<CbFieldDefinition> fields,
        IEnumerable<CbFacetDefinition> facets,
        CbIndexSchema? joined = null,
        string[]? joinSuffixes = null)
    {
        Name = name;
        DefaultSort = defaultSort;
        _fields = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        Facets = facets.ToArray();
        _dynamicPrefixes =
        [
            ("watchlist_", CbFieldType.Date),
            ("alliance_score_", CbFieldType.WholeNumber),
            ("alliance_link_", CbFieldType.Keyword),
            ("alliance_data_", CbFieldType.Keyword),
        ];
        _joined = joined;
        _joinSuffixes = joinSuffixes ?? [];
    }

    /// <summary>The collection's name (process, binary, alert, threat_report).</summary>
    public string Name { get; }

    /// <summary>The sort used when a request has none.</summary>
    public string DefaultSort { get; }

    /// <summary>Facets derived from other fields (path_full, hour_of_day, product_name_facet, …).</summary>
    public IReadOnlyList<CbFacetDefinition> Facets { get; }

    /// <summary>The declared fields (not the dynamic families).</summary>
    public IEnumerable<CbFieldDefinition> Fields => _fields.Values;

    /// <summary>The fields a bare term searches.</summary>
    public IEnumerable<CbFieldDefinition> DefaultFields => _fields.Values.Where(f => f.IsDefault);

    /// <summary>Process search, with the binary join fields.</summary>
    public static CbIndexSchema Process => Schemas.Process;

    /// <summary>Binary search.</summary>
    public static CbIndexSchema Binary => Schemas.Binary;

    /// <summary>Alert search.</summary>
    public static CbIndexSchema Alert => Schemas.Alert;

    /// <summary>Threat report search.</summary>
    public static CbIndexSchema ThreatReport => Schemas.ThreatReport;

    /// <summary>
    /// Resolves a field name: declared fields, dynamic families, and (process search) any binary field, optionally
    /// with a join suffix (<c>digsig_result_modload</c>). Names are case-sensitive, as in Solr.
    /// </summary>
    public bool TryGetField(string name, out CbFieldDefinition field)
    {
        if (_fields.TryGetValue(name, out field!))
        {
            return true;
        }

        foreach (var (prefix, type) in _dynamicPrefixes)
        {
            if (name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                field = new CbFieldDefinition(name, type);
                return true;
            }
        }

        if (_joined is not null)
        {
            if (_joined.TryGetField(name, out var joinedField))
            {
                field = joinedField with { IsDefault = false };
                return true;
            }

            foreach (var suffix in _joinSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal)
                    && _joined.TryGetField(name[..^suffix.Length], out joinedField))
                {
                    field = new CbFieldDefinition(name, joinedField.Type);
                    return true;
                }
            }
        }

        field = null!;
        return false;
    }
}
