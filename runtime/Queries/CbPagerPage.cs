namespace CbTyped;

/// <summary>
/// One page as the pager read it: its rows, the offset of the first (<paramref name="Start"/>) and of the row after the
/// last (<paramref name="Next"/>, where a resumed query starts), the server's total, and whether nothing follows.
/// </summary>
internal readonly record struct CbPagerPage<TRow>(IReadOnlyList<TRow> Rows, long Start, long Next, long? Total, bool IsLast);
