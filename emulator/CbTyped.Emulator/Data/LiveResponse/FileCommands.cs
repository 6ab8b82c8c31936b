using System.Text;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Endpoints;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>The file commands: directory list, get/put/delete file, create directory, memdump.</summary>
internal static class FileCommands
{
    /// <summary>
    /// <c>c:\dir</c>, <c>c:\dir\</c> and <c>c:\dir\*</c> list the directory's children (no "." / ".." entries, per the
    /// contract); a last segment with <c>*</c>/<c>?</c> filters them; a file's own path lists just that file, as dir does.
    /// </summary>
    public static CommandOutcome ListDirectory(CommandContext context)
    {
        var segments = context.Endpoint.Path(context.Object);
        string? pattern = null;
        if (segments.Count > 0 && EmulatedPath.HasWildcard(segments[^1]))
        {
            pattern = segments[^1];
            segments.RemoveAt(segments.Count - 1);
        }

        var node = context.Endpoint.Files.Find(segments);
        if (node is null || (pattern is not null && !node.IsDirectory))
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        if (node.IsReparsePoint)
        {
            return CommandOutcome.Failed(HResult.AccessDenied);
        }

        IEnumerable<EmulatedFileNode> entries = node.IsDirectory ? node.Children.Values : [node];
        if (pattern is not null)
        {
            entries = entries.Where(e => EmulatedPath.Matches(e.Name, pattern));
        }

        return CommandOutcome.Done(new JsonObject { ["files"] = new JsonArray([.. entries.Select(Entry)]) });
    }

    public static CommandOutcome GetFile(CommandContext context)
    {
        var node = context.Endpoint.Files.Find(context.Endpoint.Path(context.Object));
        if (node is null)
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        if (node.IsDirectory)
        {
            return CommandOutcome.Failed(HResult.AccessDenied);
        }

        // The file's bytes are never changed in place (a write replaces the array), so sharing them is safe.
        var file = context.Session.AddFile(context.Object, node.Content, context.Command.FileId);
        return CommandOutcome.Done(new JsonObject { ["file_id"] = file.Id });
    }

    /// <summary>Writes an uploaded file; an existing file is overwritten (the contract asks for no error there).</summary>
    public static CommandOutcome PutFile(CommandContext context)
    {
        if (Http.AsInt(context.Request["file_id"]) is not { } fileId || !context.Session.Files.TryGetValue(fileId, out var upload))
        {
            return CommandOutcome.Failed(HResult.InvalidArgument);
        }

        return Write(context, context.Object, upload.Content);
    }

    /// <summary>Deletes a file, or an empty directory; a drive cannot be deleted.</summary>
    public static CommandOutcome DeleteFile(CommandContext context)
    {
        var segments = context.Endpoint.Path(context.Object);
        var node = context.Endpoint.Files.Find(segments);
        var parent = context.Endpoint.Files.ParentOf(segments);
        if (node is null || parent is null)
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        if (segments.Count == 1 && EmulatedPath.IsDrive(segments[0]))
        {
            return CommandOutcome.Failed(HResult.AccessDenied);
        }

        if (node.IsDirectory && node.Children.Count > 0)
        {
            return CommandOutcome.Failed(HResult.DirectoryNotEmpty);
        }

        parent.Children.Remove(node.Name);
        parent.LastWriteTime = context.Now;
        return CommandOutcome.Done();
    }

    /// <summary>Creates one directory; it succeeds if the directory is already there, fails if a file holds the name.</summary>
    public static CommandOutcome CreateDirectory(CommandContext context)
    {
        var segments = context.Endpoint.Path(context.Object);
        var existing = context.Endpoint.Files.Find(segments);
        if (existing is not null)
        {
            return existing.IsDirectory ? CommandOutcome.Done() : CommandOutcome.Failed(HResult.AlreadyExists);
        }

        if (context.Endpoint.Files.ParentOf(segments) is not { } parent)
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        EmulatedFileSystem.AddDirectory(parent, segments[^1], context.Now);
        return CommandOutcome.Done();
    }

    /// <summary>Writes a stand-in dump at <c>object</c> (plus <c>.zip</c> when compressed), which the client then fetches.</summary>
    public static CommandOutcome Memdump(CommandContext context)
    {
        var path = context.Flag("compress", absent: false) ? context.Object + ".zip" : context.Object;
        return Write(context, path, Encoding.ASCII.GetBytes("MDMP emulated memory dump"));
    }

    /// <summary>Creates or overwrites a file whose directory exists (also used by <c>create process</c>'s output file).</summary>
    public static CommandOutcome Write(CommandContext context, string path, byte[] content) =>
        Write(context, context.Endpoint.Path(path), content);

    public static CommandOutcome Write(CommandContext context, List<string> segments, byte[] content)
    {
        if (context.Endpoint.Files.ParentOf(segments) is not { } parent)
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        if (parent.Children.TryGetValue(segments[^1], out var existing) && existing.IsDirectory)
        {
            return CommandOutcome.Failed(HResult.AccessDenied);
        }

        EmulatedFileSystem.WriteFile(parent, segments[^1], content, context.Now);
        return CommandOutcome.Done();
    }

    private static JsonObject Entry(EmulatedFileNode node) => new()
    {
        ["filename"] = node.Name,
        ["attributes"] = node.IsReparsePoint
            ? new JsonArray("HIDDEN", "SYSTEM", "DIRECTORY", "REPARSE_POINT", "NOT_CONTENT_INDEXED")
            : new JsonArray(node.IsDirectory ? "DIRECTORY" : "ARCHIVE"),
        ["size"] = node.IsDirectory ? 0 : node.Content.Length,
        ["create_time"] = node.CreateTime,
        ["last_access_time"] = node.LastAccessTime,
        ["last_write_time"] = node.LastWriteTime,
    };
}
