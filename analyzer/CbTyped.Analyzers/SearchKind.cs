namespace CbTyped.Analyzers
{
    /// <summary>The value kind of a search field, as the generator encodes it in <c>[CbSearchSchema]</c>.</summary>
    internal enum SearchKind
    {
        Text,
        Number,
        Date,
        Bool,
        Ip,
    }
}
