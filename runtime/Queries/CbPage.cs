using System.ComponentModel;
using CbTyped.Modeling;

namespace CbTyped;

/// <summary>
/// One page of results, as <see cref="CbQuery{T}.AsPages"/> yields them (the shape of Azure.Core's <c>Page&lt;T&gt;</c>):
/// its rows and the token that resumes the query after them. Also what the generated page reader returns for one
/// search or list answer.
/// </summary>
/// <typeparam name="T">The model of the rows.</typeparam>
public sealed class CbPage<T>
    where T : CbModel, ICbModel<T>
{
    internal CbPage(IReadOnlyList<T> values, long? totalResults, long? start, ReadOnlyMemory<byte> facets, string? continuationToken = null)
    {
        Values = values;
        TotalResults = totalResults;
        Start = start;
        Facets = facets;
        ContinuationToken = continuationToken;
    }

    /// <summary>The rows, in server order.</summary>
    public IReadOnlyList<T> Values { get; }

    /// <summary>
    /// Pass to <see cref="CbQuery{T}.AsPages"/> of the same query to go on with the row after this page (also in
    /// another process, later: it holds the query's fingerprint and the offset, nothing else); null on the last page.
    /// </summary>
    public string? ContinuationToken { get; }

    /// <summary><c>total_results</c> as this page's answer said (null when the answer is a bare array without one).</summary>
    public long? TotalResults { get; }

    /// <summary>The offset of the first row of this page in the result set, when known.</summary>
    public long? Start { get; }

    /// <summary>The raw <c>facets</c> object of the answer (empty when absent), for the runtime's facet parsing.</summary>
    /// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ReadOnlyMemory<byte> Facets { get; }
}
