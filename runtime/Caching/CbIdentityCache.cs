namespace CbTyped;

/// <summary>
/// The identity map (as cbapi's object cache, but per client): one object per (model type, normalised key) for a
/// time-to-live counted from loading (reads do not extend it) and up to a size, least recently used leaving first.
/// Concurrent loads of one key share one request. Save and refresh change the cached object in place; delete evicts.
/// Thread-safe: one lock around a dictionary and an LRU list (every operation is O(1)). The "type" part of a key is
/// any object with reference identity: the runtime uses the model's static <c>ModelInfo</c>.
/// </summary>
internal sealed class CbIdentityCache
{
    private readonly object _lock = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recency = new(); // first = most recently used
    private readonly Dictionary<Key, Task<object>> _loading = [];
    private readonly TimeSpan _timeToLive;
    private readonly int _maxSize;
    private readonly TimeProvider _clock;
    private readonly CbServerTags? _server;

    /// <param name="options">Size, time-to-live, on or off.</param>
    /// <param name="clock">The time source (tests).</param>
    /// <param name="server">The client's server, for the hit and miss counters' tags.</param>
    public CbIdentityCache(CbCacheOptions options, TimeProvider? clock = null, CbServerTags? server = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Enabled = options.Enabled && options.MaxSize > 0 && options.TimeToLive > TimeSpan.Zero;
        _timeToLive = options.TimeToLive;
        _maxSize = options.MaxSize;
        _clock = clock ?? TimeProvider.System;
        _server = server;
    }

    public bool Enabled { get; }

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    /// <summary>The cached object, if present and not expired; counted as a hit or a miss (<c>cbtyped.cache.*</c>).</summary>
    public bool TryGet(object type, string key, out object? value)
    {
        if (!Enabled)
        {
            value = null;
            return false;
        }
        var hit = TryGetCore(type, key, out value);
        CbInstruments.CountCacheLookup(_server, type is CbTyped.Modeling.CbTypeInfo model ? model.Name : type.ToString() ?? "", hit);
        return hit;
    }

    private bool TryGetCore(object type, string key, out object? value)
    {
        value = null;
        lock (_lock)
        {
            if (!_entries.TryGetValue(new Key(type, key), out var node))
                return false;
            if (IsExpired(node.Value))
            {
                Remove(node);
                return false;
            }
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
    }

    /// <summary>
    /// The cached object, or the result of <paramref name="load"/>, run once however many callers ask at the same time.
    /// The load runs without any one caller's cancellation (so one caller giving up does not fail the others); each
    /// caller stops waiting when its own token is cancelled.
    /// </summary>
    public async Task<object> GetOrLoadAsync(object type, string key, Func<CancellationToken, Task<object>> load, CancellationToken cancellationToken)
    {
        if (!Enabled)
            return await load(cancellationToken).ConfigureAwait(false);
        if (TryGet(type, key, out var cached))
            return cached!;

        var cacheKey = new Key(type, key);
        Task<object> task;
        lock (_lock)
        {
            if (!_loading.TryGetValue(cacheKey, out task!))
            {
                task = LoadAndStoreAsync(cacheKey, load);
                _loading[cacheKey] = task;
            }
        }
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<object> LoadAndStoreAsync(Key key, Func<CancellationToken, Task<object>> load)
    {
        await Task.Yield(); // leave the caller's lock-free path before running the load
        try
        {
            var value = await load(CancellationToken.None).ConfigureAwait(false);
            Set(key.Type, key.Value, value);
            return value;
        }
        finally
        {
            lock (_lock)
                _loading.Remove(key);
        }
    }

    /// <summary>Stores (or replaces) the object for a key, starting its time-to-live now.</summary>
    public void Set(object type, string key, object value)
    {
        if (!Enabled)
            return;
        var cacheKey = new Key(type, key);
        lock (_lock)
        {
            if (_entries.TryGetValue(cacheKey, out var existing))
                Remove(existing);
            var node = _recency.AddFirst(new Entry(cacheKey, value, _clock.GetUtcNow()));
            _entries[cacheKey] = node;
            while (_entries.Count > _maxSize)
                Remove(_recency.Last!);
        }
    }

    /// <summary>Forgets a key (after a delete).</summary>
    public void Evict(object type, string key)
    {
        if (!Enabled)
            return;
        lock (_lock)
            if (_entries.TryGetValue(new Key(type, key), out var node))
                Remove(node);
    }

    /// <summary>Forgets everything.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
        }
    }

    private bool IsExpired(Entry entry) => _clock.GetUtcNow() - entry.LoadedAt >= _timeToLive;

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _entries.Remove(node.Value.Key);
    }

    private readonly record struct Key(object Type, string Value);

    private sealed record Entry(Key Key, object Value, DateTimeOffset LoadedAt);
}
