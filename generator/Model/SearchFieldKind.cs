namespace CbTyped.Generator.Model
{
    /// <summary>The query-language value type of a search-only field, and so its typed query field.</summary>
    public enum SearchFieldKind
    {
        /// <summary>keyword, text, path, md5, cmdline or domain (<c>type: string</c>): <c>CbStringSearchField</c>.</summary>
        Text = 0,
        /// <summary>count or integer: <c>CbNumberSearchField</c>.</summary>
        Number = 1,
        /// <summary>datetime: <c>CbDateSearchField</c>.</summary>
        Date = 2,
        /// <summary><c>true</c>/<c>false</c>: <c>CbBoolSearchField</c>.</summary>
        Bool = 3,
        /// <summary>An address or CIDR range: <c>CbIpSearchField</c>.</summary>
        Ip = 4,
    }
}
