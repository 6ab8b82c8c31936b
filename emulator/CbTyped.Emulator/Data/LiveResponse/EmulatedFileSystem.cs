namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>
/// One endpoint's file system: a tree under an unnamed root whose children are the drives (<c>c:</c>) on Windows or
/// the top-level directories elsewhere. Callers hold <see cref="EmulatorState.Gate"/>.
/// </summary>
internal sealed class EmulatedFileSystem
{
    private readonly EmulatedFileNode root = new() { Name = "", IsDirectory = true };

    public EmulatedFileNode? Find(IReadOnlyList<string> segments)
    {
        var node = root;
        foreach (var segment in segments)
        {
            if (!node.IsDirectory || !node.Children.TryGetValue(segment, out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    /// <summary>The directory that holds <paramref name="segments"/>' last entry; null when it does not exist.</summary>
    public EmulatedFileNode? ParentOf(IReadOnlyList<string> segments) =>
        segments.Count == 0 ? null : Find([.. segments.Take(segments.Count - 1)]) is { IsDirectory: true } parent ? parent : null;

    public static EmulatedFileNode AddDirectory(EmulatedFileNode parent, string name, long time)
    {
        var directory = new EmulatedFileNode { Name = name, IsDirectory = true, CreateTime = time, LastAccessTime = time, LastWriteTime = time };
        parent.Children[name] = directory;
        parent.LastWriteTime = Math.Max(parent.LastWriteTime, time);
        return directory;
    }

    /// <summary>Adds a junction (a reparse-point directory the emulator does not follow), e.g. <c>c:\programdata\application data</c>.</summary>
    public static EmulatedFileNode AddJunction(EmulatedFileNode parent, string name, long time)
    {
        var junction = new EmulatedFileNode { Name = name, IsDirectory = true, IsReparsePoint = true, CreateTime = time, LastAccessTime = time, LastWriteTime = time };
        parent.Children[name] = junction;
        return junction;
    }

    /// <summary>Creates or overwrites a file (an overwrite keeps the original name's case and creation time).</summary>
    public static EmulatedFileNode WriteFile(EmulatedFileNode parent, string name, byte[] content, long time)
    {
        if (parent.Children.TryGetValue(name, out var existing) && !existing.IsDirectory)
        {
            existing.Content = content;
            existing.LastWriteTime = time;
            existing.LastAccessTime = time;
            return existing;
        }

        var file = new EmulatedFileNode { Name = name, IsDirectory = false, Content = content, CreateTime = time, LastAccessTime = time, LastWriteTime = time };
        parent.Children[name] = file;
        parent.LastWriteTime = Math.Max(parent.LastWriteTime, time);
        return file;
    }

    /// <summary>Creates every directory along <paramref name="path"/> (seeding only).</summary>
    public EmulatedFileNode EnsureDirectory(string path, long time)
    {
        var node = root;
        foreach (var segment in EmulatedPath.Split(path, []))
        {
            node = node.Children.TryGetValue(segment, out var child) ? child : AddDirectory(node, segment, time);
        }

        return node;
    }
}
