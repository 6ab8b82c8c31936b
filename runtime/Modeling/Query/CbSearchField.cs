namespace CbTyped.Modeling;

/// <summary>A searchable field of a model (generated as <c>Model.Fields.X</c>); builds escaped <see cref="CbQueryTerm"/>s.</summary>
public abstract class CbSearchField
{
    /// <summary>Names the field as the query language does.</summary>
    protected CbSearchField(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The query-language field name (e.g. <c>process_name</c>).</summary>
    public string Name { get; }

    /// <summary>The sort text for ascending order (<c>"process_name asc"</c>).</summary>
    public string Ascending => Name + " asc";

    /// <summary>The sort text for descending order (<c>"process_name desc"</c>).</summary>
    public string Descending => Name + " desc";

    /// <summary>The field has a value (<c>field:*</c>).</summary>
    public CbQueryTerm Exists() => CbQueryTerm.Clause(Name, "*");

    /// <summary>The field has this already-escaped query value (for forms the typed methods do not cover).</summary>
    public CbQueryTerm Matches(string escapedQueryValue) => CbQueryTerm.Clause(Name, escapedQueryValue);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>An OR of one clause per value.</summary>
    protected static CbQueryTerm AnyOf<T>(IEnumerable<T> values, Func<T, CbQueryTerm> clause)
    {
        ArgumentNullException.ThrowIfNull(values);
        CbQueryTerm? result = null;
        foreach (T value in values)
        {
            CbQueryTerm term = clause(value);
            result = result is null ? term : result | term;
        }

        return result ?? throw new ArgumentException("At least one value is needed.", nameof(values));
    }
}
