using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace CbTyped.PowerShell;

/// <summary>
/// The connections of one runspace, by name (case-insensitive), and which is the default. Per runspace, not per
/// process: two runspaces (two threads of a host, two tests) never see each other's servers or tokens. Clients are
/// disposed when they are replaced, disconnected or their runspace closes.
/// </summary>
internal sealed class CbConnectionRegistry
{
    private static readonly ConditionalWeakTable<Runspace, CbConnectionRegistry> ByRunspace = [];
    private static readonly CbConnectionRegistry NoRunspace = new();

    private readonly Dictionary<string, CbConnection> _connections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>The registry of the runspace running the current pipeline.</summary>
    public static CbConnectionRegistry Current
    {
        get
        {
            if (Runspace.DefaultRunspace is not { } runspace)
                return NoRunspace;
            return ByRunspace.GetValue(runspace, r =>
            {
                var registry = new CbConnectionRegistry();
                r.StateChanged += (_, e) =>
                {
                    if (e.RunspaceStateInfo.State is RunspaceState.Closed or RunspaceState.Broken)
                        registry.Clear();
                };
                return registry;
            });
        }
    }

    public IReadOnlyList<CbConnection> All
    {
        get
        {
            lock (_lock)
                return [.. _connections.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase)];
        }
    }

    public CbConnection? Default
    {
        get
        {
            lock (_lock)
                return _connections.Values.FirstOrDefault(c => c.IsDefault);
        }
    }

    public CbConnection? Find(string name)
    {
        lock (_lock)
            return _connections.GetValueOrDefault(name);
    }

    /// <summary>Adds (or replaces, disposing the old client) a connection; the first one is the default.</summary>
    public void Add(CbConnection connection, bool makeDefault)
    {
        CbConnection? replaced;
        lock (_lock)
        {
            _connections.Remove(connection.Name, out replaced);
            makeDefault |= replaced?.IsDefault == true || !_connections.Values.Any(c => c.IsDefault);
            if (makeDefault)
            {
                foreach (var other in _connections.Values)
                    other.IsDefault = false;
            }
            connection.IsDefault = makeDefault;
            _connections[connection.Name] = connection;
        }
        replaced?.Client.Dispose();
    }

    /// <summary>Removes a connection and disposes its client; another one, if any, becomes the default.</summary>
    public bool Remove(string name)
    {
        CbConnection? removed;
        lock (_lock)
        {
            if (!_connections.Remove(name, out removed))
                return false;
            if (removed.IsDefault && _connections.Values.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } next)
                next.IsDefault = true;
        }
        removed.Client.Dispose();
        return true;
    }

    private void Clear()
    {
        foreach (var connection in All)
            Remove(connection.Name);
    }
}
