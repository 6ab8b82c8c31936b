using System.Globalization;
using CbTyped.Modeling;

namespace CbTyped;

/// <summary>
/// Get and select by a key in its spec type: <c>cb.GetAsync&lt;Sensor&gt;(1)</c> for an <c>int</c> key,
/// <c>cb.GetAsync(new ProcessKey(guid, segment))</c> for a composite one. Each overload only applies to models whose
/// spec key has that type (the constraint), so a wrong key type is a compile error; key strings keep working through
/// <see cref="ICbModelSession.GetAsync{T}(string, CancellationToken)"/>.
/// </summary>
public static class CbModelKeyExtensions
{
    /// <summary>Gets a model by its <c>int</c> key (through the identity cache).</summary>
    /// <exception cref="CbObjectNotFoundException">The server has no such object.</exception>
    public static Task<T> GetAsync<T>(this ICbModelSession session, int key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<int> =>
        Session(session).GetAsync<T>(Text(key), cancellationToken);

    /// <summary>Gets a model by its <c>long</c> key (through the identity cache).</summary>
    /// <exception cref="CbObjectNotFoundException">The server has no such object.</exception>
    public static Task<T> GetAsync<T>(this ICbModelSession session, long key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<long> =>
        Session(session).GetAsync<T>(Text(key), cancellationToken);

    /// <summary>Gets a model by its GUID key (through the identity cache).</summary>
    /// <exception cref="CbObjectNotFoundException">The server has no such object.</exception>
    public static Task<T> GetAsync<T>(this ICbModelSession session, Guid key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<Guid> =>
        Session(session).GetAsync<T>(Text(key), cancellationToken);

    /// <summary>Gets a model by its composite key (through the identity cache).</summary>
    /// <exception cref="CbObjectNotFoundException">The server has no such object.</exception>
    public static Task<T> GetAsync<T>(this ICbModelSession session, ICbCompositeKey<T> key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T> =>
        Session(session).GetAsync<T>(Text(key), cancellationToken);

    /// <inheritdoc cref="GetAsync{T}(ICbModelSession, int, CancellationToken)"/>
    public static T Get<T>(this ICbModelSession session, int key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<int> =>
        Run<T>(session, Text(key), cancellationToken);

    /// <inheritdoc cref="GetAsync{T}(ICbModelSession, long, CancellationToken)"/>
    public static T Get<T>(this ICbModelSession session, long key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<long> =>
        Run<T>(session, Text(key), cancellationToken);

    /// <inheritdoc cref="GetAsync{T}(ICbModelSession, Guid, CancellationToken)"/>
    public static T Get<T>(this ICbModelSession session, Guid key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<Guid> =>
        Run<T>(session, Text(key), cancellationToken);

    /// <inheritdoc cref="GetAsync{T}(ICbModelSession, ICbCompositeKey{T}, CancellationToken)"/>
    public static T Get<T>(this ICbModelSession session, ICbCompositeKey<T> key, CancellationToken cancellationToken = default)
        where T : CbModel, ICbModel<T> =>
        Run<T>(session, Text(key), cancellationToken);

    /// <summary>A model that knows only its <c>int</c> key, fetched on first need (no I/O now).</summary>
    public static T Select<T>(this ICbModelSession session, int key)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<int> =>
        Session(session).Select<T>(Text(key));

    /// <summary>A model that knows only its <c>long</c> key, fetched on first need (no I/O now).</summary>
    public static T Select<T>(this ICbModelSession session, long key)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<long> =>
        Session(session).Select<T>(Text(key));

    /// <summary>A model that knows only its GUID key, fetched on first need (no I/O now).</summary>
    public static T Select<T>(this ICbModelSession session, Guid key)
        where T : CbModel, ICbModel<T>, ICbKeyedBy<Guid> =>
        Session(session).Select<T>(Text(key));

    /// <summary>A model that knows only its composite key, fetched on first need (no I/O now).</summary>
    public static T Select<T>(this ICbModelSession session, ICbCompositeKey<T> key)
        where T : CbModel, ICbModel<T> =>
        Session(session).Select<T>(Text(key));

    private static ICbModelSession Session(ICbModelSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session;
    }

    private static T Run<T>(ICbModelSession session, string key, CancellationToken cancellationToken)
        where T : CbModel, ICbModel<T>
    {
        var s = Session(session);
        return CbSync.Run(ct => s.GetAsync<T>(key, ct), cancellationToken);
    }

    private static string Text(int key) => key.ToString(CultureInfo.InvariantCulture);

    private static string Text(long key) => key.ToString(CultureInfo.InvariantCulture);

    private static string Text(Guid key) => key.ToString("D");

    private static string Text<T>(ICbCompositeKey<T> key)
        where T : CbModel, ICbModel<T>
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.KeyText;
    }
}
