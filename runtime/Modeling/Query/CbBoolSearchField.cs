namespace CbTyped.Modeling;

/// <summary>A boolean field.</summary>
public sealed class CbBoolSearchField : CbSearchField
{
    /// <summary>Names the field.</summary>
    public CbBoolSearchField(string name)
        : base(name)
    {
    }

    /// <summary>The field is true or false.</summary>
    public CbQueryTerm Is(bool value) => CbQueryTerm.Clause(Name, value ? "true" : "false");
}
