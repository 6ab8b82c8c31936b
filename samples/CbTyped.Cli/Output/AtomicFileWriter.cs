using System.Security.Cryptography;
using CbTyped.Cli.Infrastructure;

namespace CbTyped.Cli.Output;

/// <summary>
/// Writes a file so that it appears whole or not at all: the bytes go to a temporary file beside the target (same
/// directory, so the rename cannot cross file systems; a unique name created exclusively, so it never follows a planted
/// link), and <see cref="Commit"/> renames it into place after the last byte. Disposing without committing deletes
/// the temporary file, so a failed, cancelled or rejected write leaves the target as it was. An existing target is
/// replaced only when the writer was created with <c>overwrite</c> (the commands' <c>--force</c>).
/// </summary>
internal sealed class AtomicFileWriter : IDisposable, IAsyncDisposable
{
    private readonly bool _overwrite;
    private readonly FileStream _stream;
    private bool _closed;
    private bool _committed;

    private AtomicFileWriter(string path, string temporaryPath, FileStream stream, bool overwrite)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
        _overwrite = overwrite;
    }

    /// <summary>The file this writer creates or replaces (a full path).</summary>
    public string Path { get; }

    /// <summary>Where the bytes go until <see cref="CommitAsync"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>The temporary file, for writing.</summary>
    public Stream Stream => _stream;

    /// <summary>Refuses an existing <paramref name="path"/> unless <paramref name="overwrite"/>: call it before any
    /// request, so the user learns it before waiting for a download.</summary>
    /// <exception cref="CliOutputExistsException">The file (or a directory of that name) exists.</exception>
    public static void EnsureWritable(string path, bool overwrite)
    {
        if (Directory.Exists(path))
            throw new CliOutputExistsException($"{path} is a directory.");
        if (!overwrite && File.Exists(path))
            throw new CliOutputExistsException($"{path} exists; pass --force to overwrite it.");
    }

    /// <summary>Creates the temporary file for <paramref name="path"/>.</summary>
    /// <param name="path">The final file.</param>
    /// <param name="overwrite">Replace an existing file on commit.</param>
    /// <param name="unixCreateMode">The permissions of the new file on Unix (the umask's default when null).</param>
    public static AtomicFileWriter Create(string path, bool overwrite, UnixFileMode? unixCreateMode = null)
    {
        path = System.IO.Path.GetFullPath(path);
        EnsureWritable(path, overwrite);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        var temporary = System.IO.Path.Combine(directory,
            "." + System.IO.Path.GetFileName(path) + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)) + ".partial");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (unixCreateMode is { } mode && !OperatingSystem.IsWindows())
            options.UnixCreateMode = mode;
        return new AtomicFileWriter(path, temporary, new FileStream(temporary, options), overwrite);
    }

    /// <summary>Flushes the bytes to disk and renames the temporary file to <see cref="Path"/>.</summary>
    /// <exception cref="CliOutputExistsException">Without overwrite, the target appeared while writing.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        Commit();
    }

    /// <inheritdoc cref="CommitAsync"/>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        _stream.Flush(flushToDisk: true);
        Close();
        try
        {
            // Without overwrite the move fails rather than replace a file another process created meanwhile.
            File.Move(TemporaryPath, Path, _overwrite);
        }
        catch (IOException) when (!_overwrite && File.Exists(Path))
        {
            throw new CliOutputExistsException($"{Path} exists; pass --force to overwrite it.");
        }
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> succeeded.</summary>
    public void Dispose()
    {
        Close();
        if (!_committed)
            File.Delete(TemporaryPath);
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        if (_closed)
            return;
        _closed = true;
        _stream.Dispose();
    }
}
