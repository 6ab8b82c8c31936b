using System.Globalization;

namespace CbTyped.Response;

/// <summary>
/// cbapi's <c>ProcessQuery</c> options as typed methods: <c>group_by</c>, <c>min/max_last_update</c>,
/// <c>min/max_last_server_update</c> and <c>use_comprehensive_search</c>. Each returns a new query, like every
/// query modifier. cbapi sends the time bounds as <c>%Y-%m-%dT%H:%M:%SZ</c> (UTC, whole seconds). cbapi applies
/// the group and time options only on servers 6.0 and newer (older ones ignore them); here an older server gets a
/// <see cref="CbUnsupportedServerException"/> before the request, so a filter is never silently dropped.
/// </summary>
public static class ProcessQueryExtensions
{
    private static readonly Version OptionsSince = new(6, 0);

    /// <summary>cbapi's <c>group_by(field)</c>: <c>cb.group=field</c>; <c>"id"</c> gives one row per process rather than per segment.</summary>
    public static CbQuery<Process> GroupBy(this CbQuery<Process> query, string field)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        return query.WithParameter("cb.group", field, OptionsSince);
    }

    /// <summary>cbapi's <c>min_last_update(v)</c>: only processes updated at or after <paramref name="time"/>.</summary>
    public static CbQuery<Process> MinLastUpdate(this CbQuery<Process> query, DateTimeOffset time) => WithTime(query, "cb.min_last_update", time);

    /// <summary>cbapi's <c>max_last_update(v)</c>: only processes updated at or before <paramref name="time"/>.</summary>
    public static CbQuery<Process> MaxLastUpdate(this CbQuery<Process> query, DateTimeOffset time) => WithTime(query, "cb.max_last_update", time);

    /// <summary>cbapi's <c>min_last_server_update(v)</c>: only processes the server received at or after <paramref name="time"/>.</summary>
    public static CbQuery<Process> MinLastServerUpdate(this CbQuery<Process> query, DateTimeOffset time) => WithTime(query, "cb.min_last_server_update", time);

    /// <summary>cbapi's <c>max_last_server_update(v)</c>: only processes the server received at or before <paramref name="time"/>.</summary>
    public static CbQuery<Process> MaxLastServerUpdate(this CbQuery<Process> query, DateTimeOffset time) => WithTime(query, "cb.max_last_server_update", time);

    /// <summary>cbapi's <c>use_comprehensive_search()</c>: <c>comprehensive_search=true</c>.</summary>
    public static CbQuery<Process> UseComprehensiveSearch(this CbQuery<Process> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.WithParameter("comprehensive_search", "true"); // cbapi sends it on every version
    }

    private static CbQuery<Process> WithTime(CbQuery<Process> query, string name, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.WithParameter(name, time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), OptionsSince);
    }
}
