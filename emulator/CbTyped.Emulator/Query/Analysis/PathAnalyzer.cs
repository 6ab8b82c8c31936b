namespace CbTyped.Emulator.Query.Analysis;

/// <summary>
/// Path fields: lower-case, <c>/</c> and <c>\</c> alike, every suffix sub-path is a term.
/// Leading separators are not part of any term.
/// </summary>
internal static class PathAnalyzer
{
    public static string Normalize(string value)
    {
        var lowered = value.ToLowerInvariant().Replace('/', '\\');
        return lowered.TrimStart('\\');
    }

    /// <summary>Normalises into <paramref name="buffer"/> (at least the value's length) without allocating.</summary>
    public static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> value, Span<char> buffer)
    {
        var written = value.ToLowerInvariant(buffer);
        var path = buffer[..written];
        path.Replace('/', '\\');
        return path.TrimStart('\\');
    }

    /// <summary>Calls <paramref name="emit"/> with the whole (normalised) path, then each shorter suffix.</summary>
    public static void Suffixes<TState>(string value, TState state, Action<TState, string> emit)
    {
        var path = Normalize(value);
        if (path.Length == 0)
        {
            return;
        }

        emit(state, path);
        for (var i = 0; i < path.Length - 1; i++)
        {
            if (path[i] == '\\' && path[i + 1] != '\\')
            {
                emit(state, path[(i + 1)..]);
            }
        }
    }
}
