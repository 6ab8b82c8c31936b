using System.Collections.Concurrent;
using CbTyped.Modeling;

namespace CbTyped.PowerShell;

/// <summary>
/// The query fields of a model, from what the generator wrote from its spec: a search model's
/// <see cref="CbSearchSchemaAttribute"/> (document fields and <c>searchFields:</c> alike), else the model's fields that
/// have a search name.
/// </summary>
internal static class QueryFieldTable
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<QueryField>> Cache = new();

    public static IReadOnlyList<QueryField> Of<T>()
        where T : CbModel, ICbModel<T> =>
        Cache.GetOrAdd(typeof(T), static _ => Read<T>());

    private static List<QueryField> Read<T>()
        where T : CbModel, ICbModel<T>
    {
        // Attribute reads, not member reflection: the type is named statically, nothing is trimmed away.
        var values = Attribute.GetCustomAttributes(typeof(T), typeof(CbQueryValuesAttribute), inherit: false)
            .Cast<CbQueryValuesAttribute>()
            .ToDictionary(a => a.Field, a => a.Values, StringComparer.Ordinal);
        IEnumerable<QueryField> fields = Attribute.GetCustomAttribute(typeof(T), typeof(CbSearchSchemaAttribute), inherit: false) is CbSearchSchemaAttribute schema
            ? schema.Searchable.Select(Decode)
            : T.ModelInfo.Fields
                .Where(f => f.SearchName is not null)
                .Select(f => new QueryField(f.SearchName!, KindOf(f.Type), f.IsSortable, f.IsFacet))
                .DistinctBy(f => f.Name);
        return [.. fields
            .Select(f => values.TryGetValue(f.Name, out var declared) ? f with { Values = declared } : f)
            .OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    // "process_name:t:sf" → name, kind t/n/d/b/i, flags s (sortable) and f (facet).
    private static QueryField Decode(string entry)
    {
        var parts = entry.Split(':');
        var kind = parts.Length > 1 ? parts[1] switch
        {
            "n" => "number",
            "d" => "date",
            "b" => "bool",
            "i" => "ip",
            _ => "text",
        } : "text";
        var flags = parts.Length > 2 ? parts[2] : string.Empty;
        return new QueryField(parts[0], kind, flags.Contains('s', StringComparison.Ordinal), flags.Contains('f', StringComparison.Ordinal));
    }

    private static string KindOf(CbFieldType type) => type switch
    {
        CbFieldType.Int32 or CbFieldType.Int64 or CbFieldType.Double => "number",
        CbFieldType.Boolean => "bool",
        CbFieldType.DateTime => "date",
        _ => "text",
    };
}
