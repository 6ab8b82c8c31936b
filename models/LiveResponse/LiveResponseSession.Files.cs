using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CbTyped.Response;

public sealed partial class LiveResponseSession
{
    /// <summary>
    /// Lists a directory (<c>directory list</c>). Give the directory with a trailing separator (<c>c:\windows\</c>) or
    /// a pattern (<c>c:\windows\*</c>); the entries are the children, not the directory itself.
    /// </summary>
    /// <exception cref="LiveResponseException">The directory does not exist (0x80070002) or cannot be read.</exception>
    public async Task<IReadOnlyList<LiveResponseDirectoryEntry>> ListDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var result = await RunAsync("directory list", LiveResponseCommandArguments.Of(directory), null, null, cancellationToken).ConfigureAwait(false);
        return LiveResponseDirectoryEntry.FromCommand(result.Files);
    }

    /// <summary>
    /// Walks a directory tree like Python's <c>os.walk</c> (cbapi's <c>walk</c>): lists <c>&lt;top&gt;\*</c>, yields
    /// (path, directories, files), then walks each sub-directory — after its parent when <paramref name="topDown"/>,
    /// before it otherwise. A directory that cannot be listed is skipped and reported to <paramref name="onError"/>.
    /// A sub-directory that is a link (<see cref="LiveResponseDirectoryEntry.IsLink"/>) is listed among the directories
    /// but not walked into unless <paramref name="followLinks"/> (cbapi's <c>followlinks</c>; its <c>path_islink</c>
    /// answered false for everything, so cbapi walked into links and looped on junctions that point at their parent).
    /// </summary>
    public async IAsyncEnumerable<LiveResponseWalkEntry> WalkAsync(string top, bool topDown = true, Action<Exception>? onError = null,
        bool followLinks = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(top);
        IReadOnlyList<LiveResponseDirectoryEntry> entries;
        try
        {
            entries = await ListDirectoryAsync(PathJoin(top, "*"), cancellationToken).ConfigureAwait(false);
        }
        catch (CbApiException e)
        {
            onError?.Invoke(e);
            yield break;
        }

        var directories = new List<string>();
        var links = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var entry in entries)
        {
            if (!entry.IsDirectory)
            {
                files.Add(entry.FileName);
            }
            else if (entry.FileName is not ("." or ".."))
            {
                directories.Add(entry.FileName);
                if (entry.IsLink)
                    links.Add(entry.FileName);
            }
        }

        var here = new LiveResponseWalkEntry(top, directories, files);
        if (topDown)
            yield return here;
        foreach (string directory in directories)
        {
            if (!followLinks && links.Contains(directory))
                continue;
            await foreach (var below in WalkAsync(PathJoin(top, directory), topDown, onError, followLinks, cancellationToken).ConfigureAwait(false))
                yield return below;
        }

        if (!topDown)
            yield return here;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a symbolic link or junction (cbapi's <c>path_islink</c>, which always answered
    /// false): the parent directory is listed and the entry's attributes decide (<c>REPARSE_POINT</c>). False when
    /// nothing has that name, as Python's <c>os.path.islink</c> answers.
    /// </summary>
    /// <exception cref="LiveResponseException">The parent directory cannot be listed for another reason than not existing.</exception>
    public async Task<bool> PathIsLinkAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string trimmed = path.TrimEnd(IsWindows ? ['\\', '/'] : ['/']);
        int cut = IsWindows ? trimmed.LastIndexOfAny(['\\', '/']) : trimmed.LastIndexOf('/');
        if (cut < 0)
            return false; // a drive or a bare name: nothing to look up in a parent
        string parent = trimmed[..(cut + 1)];
        string name = trimmed[(cut + 1)..];
        IReadOnlyList<LiveResponseDirectoryEntry> entries;
        try
        {
            entries = await ListDirectoryAsync(parent, cancellationToken).ConfigureAwait(false);
        }
        catch (LiveResponseException e) when (e.Win32ErrorName is "ERROR_FILE_NOT_FOUND" or "ERROR_PATH_NOT_FOUND")
        {
            return false;
        }

        var comparison = IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return entries.Any(e => string.Equals(e.FileName, name, comparison) && e.IsLink);
    }

    /// <summary>
    /// Opens a file of the endpoint for reading (cbapi's <c>get_raw_file</c>): <c>get file</c>, then
    /// <c>GET …/file/{file_id}/content</c>; the stream reads the download as it arrives. Dispose it to close the connection.
    /// </summary>
    /// <exception cref="LiveResponseException">The file does not exist (0x80070002) or cannot be read.</exception>
    public async Task<Stream> OpenFileAsync(string remotePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        // The file id is valid in the session the command ran in, which may be a new one after a lost session.
        var (sessionId, commandId) = await PostCommandAsync("get file", LiveResponseCommandArguments.Of(remotePath), cancellationToken).ConfigureAwait(false);
        var result = await PollCommandAsync(sessionId, commandId, "get file", Options.CommandTimeout, Options.CommandPollInterval, cancellationToken).ConfigureAwait(false);
        int fileId = result.FileId is long id ? unchecked((int)id)
            : throw new CbServerException($"The 'get file' command for {remotePath} completed without a file_id.", 200, null, "GET", CommandPath(sessionId, commandId));

        return await LiveResponseFile.OpenContentAsync(_client, sessionId, fileId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Copies a file of the endpoint to <paramref name="destination"/> in chunks (see <see cref="OpenFileAsync"/>;
    /// memory stays constant whatever the file's size). Returns the bytes written.
    /// </summary>
    /// <exception cref="LiveResponseException">The file does not exist (0x80070002) or cannot be read.</exception>
    public async Task<long> GetFileAsync(string remotePath, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var file = await OpenFileAsync(remotePath, cancellationToken).ConfigureAwait(false);
        return await CopyAsync(file, destination, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a whole file of the endpoint into memory (see <see cref="GetFileAsync(string, Stream, CancellationToken)"/>).</summary>
    public async Task<byte[]> GetFileAsync(string remotePath, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await GetFileAsync(remotePath, buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes <paramref name="source"/> to a file of the endpoint (cbapi's <c>put_file</c>): the bytes are uploaded as
    /// multipart part <c>file</c> (<c>POST …/session/{id}/file</c>, streamed from <paramref name="source"/>), then
    /// <c>put file</c> places the upload at <paramref name="remotePath"/>. An upload belongs to its session, so when the
    /// session is lost the upload is sent again to the new one (the stream is rewound; a stream that cannot seek
    /// makes that a <see cref="CbApiException"/>).
    /// </summary>
    /// <exception cref="LiveResponseException">The file could not be written (e.g. it exists, or the directory does not).</exception>
    public async Task PutFileAsync(Stream source, string remotePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        ThrowIfClosed();
        long start = source.CanSeek ? source.Position : -1;
        bool sent = false;
        var (sessionId, commandId) = await PostCommandAsync("put file", async (session, token) =>
        {
            if (sent)
            {
                if (start < 0)
                    throw new CbApiException("The Live Response session was lost after the upload, and the source stream cannot seek to send it again.");
                source.Position = start;
            }

            sent = true;
            int fileId = await UploadAsync(session, source, FileNameOf(remotePath), token).ConfigureAwait(false);
            return LiveResponseCommandArguments.Of(remotePath, ("file_id", fileId));
        }, cancellationToken).ConfigureAwait(false);
        _ = await PollCommandAsync(sessionId, commandId, "put file", Options.CommandTimeout, Options.CommandPollInterval, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a file of the endpoint (<c>delete file</c>).</summary>
    /// <exception cref="LiveResponseException">The file does not exist (0x80070002) or cannot be deleted.</exception>
    public async Task DeleteFileAsync(string remotePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        _ = await RunAsync("delete file", LiveResponseCommandArguments.Of(remotePath), null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a directory on the endpoint (<c>create directory</c>).</summary>
    public async Task CreateDirectoryAsync(string remotePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(remotePath);
        _ = await RunAsync("create directory", LiveResponseCommandArguments.Of(remotePath), null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads the session's log archive (<c>GET …/session/{id}/archive</c>, a zip) to <paramref name="destination"/>,
    /// streamed. Returns the bytes written.
    /// </summary>
    public async Task<long> GetSessionArchiveAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ThrowIfClosed();
        await using var archive = await LiveResponseServerSession.OpenArchiveAsync(_client, SessionId, cancellationToken).ConfigureAwait(false);
        return await CopyAsync(archive, destination, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<long> CopyAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
        long total = 0;
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
        }

        return total;
    }

    /// <summary>
    /// Uploads to a session's file store (<c>{"id": fid}</c> back); the id is valid in that session only.
    /// </summary>
    private async Task<int> UploadAsync(int sessionId, Stream source, string fileName, CancellationToken cancellationToken)
    {
        var file = await LiveResponseFile.UploadFileAsync(_client, sessionId, source, fileName, cancellationToken).ConfigureAwait(false);
        return file.Id ?? throw new CbServerException("The file upload was answered without an id.", 200, null, "POST", null);
    }

    /// <summary>Joins a directory and a name with the endpoint's separator (Python's <c>ntpath.join</c>/<c>posixpath.join</c>).</summary>
    internal string PathJoin(string directory, string name)
    {
        char separator = IsWindows ? '\\' : '/';
        bool endsWithSeparator = directory.EndsWith(separator) || (IsWindows && (directory.EndsWith('/') || directory.EndsWith(':')));
        return endsWithSeparator ? directory + name : directory + separator + name;
    }

    private string FileNameOf(string remotePath)
    {
        int cut = IsWindows ? remotePath.LastIndexOfAny(['\\', '/']) : remotePath.LastIndexOf('/');
        string name = remotePath[(cut + 1)..];
        return name.Length > 0 ? name : "file";
    }
}
