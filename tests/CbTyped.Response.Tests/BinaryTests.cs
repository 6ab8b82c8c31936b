using System.IO.Compression;
using System.Security.Cryptography;
using CbTyped.Emulator;
using CbTyped.Response.Download;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>Binary: the streamed <c>filedata</c> download (over HTTP from the emulator), signing data, version info.</summary>
public sealed class BinaryTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string DownloadMd5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";

    [Fact]
    public async Task DownloadStreamsFiledataThatStartsWithMz()
    {
        // The seed binary's zip is deflated with a data descriptor (sizes after the data), as a streaming writer makes it.
        using var response = await fixture.Client.SendStreamingAsync(HttpMethod.Get, "/api/v1/binary/" + DownloadMd5);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var file = await ZipEntryReader.OpenEntryAsync(body, "filedata", CancellationToken.None);
        var summary = await RawDocuments.LoadAsync<Binary>(fixture.Client, "/api/v1/binary/" + DownloadMd5 + "/summary");

        var first = new byte[2];
        await file.ReadExactlyAsync(first);
        Assert.Equal("MZ"u8.ToArray(), first);
        long rest = await CountAsync(file);
        Assert.Equal(summary.OrigModLen, rest + 2);
    }

    [Fact]
    public async Task OpenFileAsyncStreamsFiledataThroughTheSpecsDownloadOperation()
    {
        await using var session = await EmulatorSession.StartAsync();
        var binary = await session.Client.GetAsync<Binary>(DownloadMd5);
        var marker = DateTimeOffset.UtcNow;

        long size;
        await using (var file = await binary.OpenFileAsync())
        {
            var first = new byte[2];
            await file.ReadExactlyAsync(first);
            Assert.Equal("MZ"u8.ToArray(), first);
            size = 2 + await CountAsync(file);
        }

        Assert.Equal(binary.OrigModLen, size);
        var download = Assert.Single(session.Requests.Entries, e => e.Time - e.Elapsed > marker);
        Assert.Equal(("GET", "/api/v1/binary/" + DownloadMd5), (download.Method, download.Path));
        var copy = new MemoryStream();
        Assert.Equal(size, await binary.DownloadToAsync(copy));
        Assert.Equal(size, copy.Length);
    }

    [Fact]
    public async Task LargeStoredBinaryStreamsExactlyItsBytes()
    {
        // Above 8 MB the emulator stores the file uncompressed, again with a data descriptor.
        const long size = 12 * 1024 * 1024 + 7;
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { LargeBinarySize = size });
        using var response = await session.Client.SendStreamingAsync(HttpMethod.Get, "/api/v1/binary/" + CbEmulator.LargeBinaryMd5);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using var file = await ZipEntryReader.OpenEntryAsync(body, "filedata", CancellationToken.None);

        Assert.Equal(size, await CountAsync(file));
    }

    [Fact]
    public async Task StoredEntryContainingDescriptorSignaturesIsNotCutShort()
    {
        // Content full of fake data descriptors: only the one naming the exact size ends the entry.
        var content = new byte[300_000];
        RandomNumberGenerator.Fill(content);
        for (int at = 1000; at + 16 < content.Length; at += 4099)
        {
            "PK\x07\x08"u8.CopyTo(content.AsSpan(at));
        }

        byte[] zip = ZipOf(content, CompressionLevel.NoCompression);
        await using var file = await ZipEntryReader.OpenEntryAsync(new ForwardOnlyStream(zip), "filedata", CancellationToken.None);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task DeflatedEntryAfterAnotherEntryIsFound()
    {
        var content = "MZ and then some text that compresses well well well well"u8.ToArray();
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using (var metadata = archive.CreateEntry("metadata").Open())
            {
                await metadata.WriteAsync("OrigFilename : x.exe\n"u8.ToArray());
            }

            await using var data = archive.CreateEntry("filedata", CompressionLevel.Optimal).Open();
            await data.WriteAsync(content);
        }

        // Written to a seekable stream, so the sizes are in the local headers: the metadata entry is skipped by size.
        await using var file = await ZipEntryReader.OpenEntryAsync(new ForwardOnlyStream(buffer.ToArray()), "filedata", CancellationToken.None);
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public async Task NotAZipIsAnInvalidDataError()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() =>
            ZipEntryReader.OpenEntryAsync(new ForwardOnlyStream("{\"not\":\"a zip\"}"u8.ToArray()), "filedata", CancellationToken.None));
    }

    [Fact]
    public async Task SigningDataAndVersionInfoComeFromTheSummary()
    {
        var binary = await RawDocuments.LoadAsync<Binary>(fixture.Client, "/api/v1/binary/79b6d4c5283fc806387c55b8d7c8b762/summary");

        Assert.Equal("79B6D4C5283FC806387C55B8D7C8B762", binary.GetKeyString());
        Assert.True(binary.IsSigned);
        var signing = binary.SigningData;
        Assert.NotNull(signing);
        Assert.Equal("Microsoft Corporation", signing.Publisher);
        Assert.Equal(new DateOnly(2012, 7, 26), DateOnly.FromDateTime(signing.SignTime!.Value.UtcDateTime));
        Assert.Equal(binary.OriginalFilename, binary.VersionInfo.OriginalFilename);
        Assert.Equal("Microsoft Corporation", binary.VersionInfo.CompanyName);
        Assert.Contains(binary.Endpoints, e => e.Hostname == "WIN-IA9NQ1GN8OI" && e.SensorId == 3);
    }

    private static async Task<long> CountAsync(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>A zip as a streaming writer makes it (to a non-seekable stream, so sizes follow the data).</summary>
    private static byte[] ZipOf(byte[] content, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var forwardOnly = new WriteOnlyStream(buffer))
        using (var archive = new ZipArchive(forwardOnly, ZipArchiveMode.Create))
        using (var entry = archive.CreateEntry("filedata", level).Open())
        {
            entry.Write(content);
        }

        return buffer.ToArray();
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }

    private sealed class WriteOnlyStream(Stream inner) : Stream
    {
        private long _position;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _position += count;
        }
    }
}
