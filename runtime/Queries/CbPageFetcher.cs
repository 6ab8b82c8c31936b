namespace CbTyped;

/// <summary>Fetches rows <c>start</c> … <c>start + rows − 1</c> of a result set, with the server's total when it sent one.</summary>
internal delegate Task<(IReadOnlyList<TRow> Rows, long? Total)> CbPageFetcher<TRow>(long start, int rows, CancellationToken cancellationToken);
