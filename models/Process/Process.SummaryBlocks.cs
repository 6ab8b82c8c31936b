using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Process
{
    /// <summary>
    /// The parent as this instance's summary describes it, without a request: the cached instance when the client
    /// has one, else one loaded from the summary's <c>parent</c> block and cached under the parent's key (cbapi's
    /// <c>select(Process, guid, initial_data=parent block)</c>). Null when there is no summary, no parent block, or
    /// the block is not the parent the ids name.
    /// </summary>
    private async Task<Process?> GetParentFromSummaryAsync(CancellationToken cancellationToken)
    {
        if (!_hasSummary || _summaryParent.IsEmpty || Client is not { } client)
        {
            return null;
        }

        var info = await client.GetServerInfoAsync(cancellationToken).ConfigureAwait(false);
        string? key = GetParentKey(info.DefaultProcessSegment);
        return key is null ? null : FromBlock(client, key, _summaryParent);
    }

    /// <summary>
    /// The process with <paramref name="key"/> from a block of a summary (its parent or one of its children): the
    /// cached instance, or a new one holding the block, cached. A block whose id is not the key's GUID gives null.
    /// </summary>
    private static Process? FromBlock(ICbModelSession client, string key, ReadOnlyMemory<byte> block)
    {
        var cached = client.Select<Process>(key);
        if (cached.IsFull)
        {
            return cached; // loaded before (a summary or another block): no need for this copy
        }

        var loaded = CreateInstance();
        loaded.LoadJson(block);
        if (loaded.Id is not { } guid || !key.StartsWith(guid + "/", StringComparison.Ordinal))
        {
            return null;
        }

        // The reference the cache holds (a key alone) takes the block, the parent's whole document, so every later
        // lookup of the key finds this data.
        cached.LoadJson(block);
        return cached;
    }
}
