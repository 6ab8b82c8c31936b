namespace CbTyped.Scripts;

/// <summary>Writes a download to a file without leaving half a file behind.</summary>
public static class ExampleFile
{
    /// <summary>
    /// Copies <paramref name="source"/> to a temporary file beside <paramref name="path"/> and renames it into place
    /// when the copy is complete (an existing file is replaced only then). On any failure the temporary file is
    /// removed. Returns the number of bytes written.
    /// </summary>
    public static async Task<long> SaveAsync(Stream source, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var full = Path.GetFullPath(path);
        var partial = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".partial");
        try
        {
            long length;
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                length = file.Length;
            }
            File.Move(partial, full, overwrite: true);
            return length;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }
}
