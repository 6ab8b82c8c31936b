using System.ComponentModel;

namespace CbTyped.Modeling.Json;

/// <summary>One page of a search or list answer: its rows plus the envelope members the runtime pages with.</summary>
/// <typeparam name="T">The model of the rows.</typeparam>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbPage<T>
    where T : CbModel, ICbModel<T>
{
    internal CbPage(List<T> results, long? totalResults, long? start, ReadOnlyMemory<byte> facets)
    {
        Results = results;
        TotalResults = totalResults;
        Start = start;
        Facets = facets;
    }

    /// <summary>The rows, in server order.</summary>
    public IReadOnlyList<T> Results { get; }

    /// <summary><c>total_results</c>, or null when the answer is a bare array (list routes).</summary>
    public long? TotalResults { get; }

    /// <summary><c>start</c>, when the envelope has it.</summary>
    public long? Start { get; }

    /// <summary>The raw <c>facets</c> object (empty when absent), for the runtime's facet parsing.</summary>
    public ReadOnlyMemory<byte> Facets { get; }
}
