using CbTyped.Response.Download;

namespace CbTyped.Response;

public partial class Binary
{
    /// <summary>
    /// Opens the binary's file: <c>GET /api/v1/binary/{MD5}</c> answers a zip holding the raw file as <c>filedata</c>
    /// (and a text <c>metadata</c> entry); this returns a read-only stream over <c>filedata</c> that reads the download
    /// as it arrives, so memory stays constant whatever the file's size. Dispose it to close the connection.
    /// </summary>
    /// <exception cref="CbObjectNotFoundException">The server has not stored the file.</exception>
    /// <exception cref="InvalidDataException">The server's answer is not a zip with a <c>filedata</c> entry.</exception>
    public async Task<Stream> OpenFileAsync(CancellationToken cancellationToken = default)
    {
        var download = await OpenDownloadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await ZipEntryReader.OpenEntryAsync(download, "filedata", cancellationToken).ConfigureAwait(false);
            return new CbResponseBodyStream(download, content); // disposing it closes the entry and the download under it
        }
        catch
        {
            await download.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Downloads the file to <paramref name="destination"/> in chunks (see <see cref="OpenFileAsync"/>); returns the bytes written.</summary>
    public async Task<long> DownloadToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await using var file = await OpenFileAsync(cancellationToken).ConfigureAwait(false);
        byte[] buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
        }

        return total;
    }
}
