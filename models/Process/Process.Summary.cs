using System.Globalization;
using CbTyped.Modeling.Json;

namespace CbTyped.Response;

public partial class Process
{
    private ReadOnlyMemory<byte> _summaryParent;
    private ReadOnlyMemory<byte> _summaryChildren;
    private ReadOnlyMemory<byte> _summarySiblings;
    private bool _hasSummary;
    private int _summaryChildLimit = DefaultMaxChildren;

    /// <summary>The number of children the summary asks for (cbapi's <c>max_children</c>, default 15).</summary>
    public const int DefaultMaxChildren = 15;

    /// <summary>
    /// True when this instance was loaded from a summary (GET by key), so <see cref="GetSummaryAsync"/> needs no request.
    /// </summary>
    public bool HasSummary => _hasSummary;

    /// <summary>
    /// The get route answers an envelope <c>{"process": {…}, "parent": {…}, "children": […], "siblings": […]}</c>;
    /// no spec key can say "the object is one member down", so this hook loads the <c>process</c> member and keeps
    /// the rest (slices of the same buffer, no copy) for <see cref="GetSummaryAsync"/> and the parent walk.
    /// </summary>
    partial void OnLoaded()
    {
        ReadOnlyMemory<byte> document = RawJson;
        var scanner = new CbJsonScanner(document.Span);
        if (scanner.PeekKind() != CbJsonKind.Object)
        {
            return;
        }

        scanner.ReadStartObject();
        ReadOnlyMemory<byte> process = default, parent = default, children = default, siblings = default;
        bool hasId = false;
        while (scanner.TryReadPropertyName(out ReadOnlySpan<byte> name, out _))
        {
            CbJsonValue value = scanner.ReadValue();
            ReadOnlyMemory<byte> slice = document.Slice(value.Start, value.Length);
            if (name.SequenceEqual("process"u8) && value.Kind == CbJsonKind.Object) process = slice;
            else if (name.SequenceEqual("parent"u8) && value.Kind == CbJsonKind.Object) parent = slice;
            else if (name.SequenceEqual("children"u8) && value.Kind == CbJsonKind.Array) children = slice;
            else if (name.SequenceEqual("siblings"u8) && value.Kind == CbJsonKind.Array) siblings = slice;
            else if (name.SequenceEqual("id"u8)) hasId = true;
        }

        if (hasId || process.IsEmpty)
        {
            // A flat process document (a search row, an event document or a reference): nothing to unwrap.
            if (!_unwrapping)
            {
                _hasSummary = false;
            }

            return;
        }

        _summaryParent = parent;
        _summaryChildren = children;
        _summarySiblings = siblings;
        _summaryChildLimit = DefaultMaxChildren; // the get route's count; LoadSummaryAsync says when it asked for another
        _unwrapping = true;
        try
        {
            LoadJson(process);
        }
        finally
        {
            _unwrapping = false;
        }

        _hasSummary = true;
    }

    private bool _unwrapping;

    /// <summary>
    /// The summary: this process with its parent, children and siblings (<c>GET /api/v1/process/{guid}/{segment}?children=N</c>).
    /// Uses what the last load brought when it was a summary with the same number of children.
    /// </summary>
    public async Task<ProcessSummary> GetSummaryAsync(int maxChildren = DefaultMaxChildren, CancellationToken cancellationToken = default)
    {
        if (maxChildren < 0)
        {
            maxChildren = DefaultMaxChildren; // cbapi: an invalid max_children means 15
        }

        if (!_hasSummary || maxChildren != _summaryChildLimit)
        {
            if (maxChildren == DefaultMaxChildren && Client is not null)
            {
                await RequireClient().RefreshAsync(this, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await LoadSummaryAsync(maxChildren, cancellationToken).ConfigureAwait(false);
            }
        }

        return new ProcessSummary(this, ReadRelative(_summaryParent), ReadRelatives(_summaryChildren), ReadRelatives(_summarySiblings));
    }

    private async Task LoadSummaryAsync(int maxChildren, CancellationToken cancellationToken)
    {
        // The spec's summary operation: the get route with another children count.
        await FetchSummaryAsync(maxChildren, cancellationToken).ConfigureAwait(false);
        _summaryChildLimit = maxChildren; // a second walk with the same limit reuses this summary
    }

    private Process? ReadRelative(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        var process = CreateInstance();
        process.LoadJson(json);
        if (process.Id is null)
        {
            return null; // the server sends {} when there is no parent
        }

        process.Client = Client;
        return process;
    }

    private List<Process> ReadRelatives(ReadOnlyMemory<byte> json)
    {
        if (json.IsEmpty)
        {
            return [];
        }

        var list = new List<Process>();
        var scanner = new CbJsonScanner(json.Span);
        scanner.ReadStartArray();
        while (scanner.TryReadNextElement())
        {
            var process = CreateInstance();
            process.LoadJson(json, ref scanner);
            process.Client = Client;
            list.Add(process);
        }

        return list;
    }
}
