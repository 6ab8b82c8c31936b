using System.Text.Json;

namespace CbTyped.Cli.Tests;

/// <summary>
/// <c>binary download</c> against a hostile or failing server: the file is named after the user's MD5, never the
/// server's; an existing file is kept unless --force; bytes land under the final name only whole and with the right MD5.
/// </summary>
public sealed class BinaryDownloadTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string SeedMd5 = "7FB55F5A62E78AF9B58D08AAEEAEF848";
    private readonly string _root = Directory.CreateTempSubdirectory("cbtyped-download-").FullName;

    public void Dispose()
    {
        emulator.Emulator.Overrides.Clear();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task A_verified_download_is_named_after_the_md5_and_holds_the_servers_bytes()
    {
        var binary = await HostileBinary.ServeAsync(emulator.Emulator, HostileBinary.Bytes(300_000));

        var run = await CliRun.RunAsync(["binary", "download", binary.Md5.ToLowerInvariant(), "-o", _root, "--json", .. emulator.Connection]);

        Assert.Equal(0, run.ExitCode);
        var path = Path.Combine(_root, binary.Md5);
        Assert.Equal(binary.Content, await File.ReadAllBytesAsync(path));
        using var doc = JsonDocument.Parse(run.Output);
        Assert.True(doc.RootElement.GetProperty("md5_verified").GetBoolean());
        Assert.Equal(path, doc.RootElement.GetProperty("file").GetString());
        Assert.Equal([path], Directory.GetFiles(_root));
    }

    [Theory]
    [InlineData("../../x")]
    [InlineData("/tmp/cbtyped-absolute-x")]
    [InlineData("..")]
    [InlineData("ab\r\ncd")]
    public async Task A_servers_md5_field_never_names_the_file(string md5Field)
    {
        var content = HostileBinary.Bytes(1000);
        var binary = await HostileBinary.ServeAsync(emulator.Emulator, content, md5Field: md5Field);
        var target = Directory.CreateDirectory(Path.Combine(_root, "a", "b")).FullName;

        var run = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", target, .. emulator.Connection]);

        // The answer is not the binary asked for: a server error, and nothing written anywhere.
        Assert.Equal(7, run.ExitCode);
        Assert.Contains("asked for binary " + binary.Md5, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(target));
        Assert.Equal([Path.Combine(_root, "a")], Directory.GetFileSystemEntries(_root));
        Assert.Equal([target], Directory.GetFileSystemEntries(Path.Combine(_root, "a")));
        Assert.False(File.Exists("/tmp/cbtyped-absolute-x"));
        Assert.Equal(0, DownloadsOf(binary));
    }

    [Fact]
    public async Task An_existing_file_is_kept_unless_force()
    {
        var binary = await HostileBinary.ServeAsync(emulator.Emulator, HostileBinary.Bytes(5000));
        var path = Path.Combine(_root, "out.bin");
        await File.WriteAllTextAsync(path, "keep me");
        var before = DownloadsOf(binary);

        var refused = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", path, .. emulator.Connection]);

        Assert.Equal(9, refused.ExitCode);
        Assert.Contains(path + " exists; pass --force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(path));
        Assert.Equal(before, DownloadsOf(binary)); // refused before any download

        var forced = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", path, "--force", .. emulator.Connection]);

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(binary.Content, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(_root));
    }

    [Fact]
    public async Task A_404_leaves_an_existing_file_untouched()
    {
        var path = Path.Combine(_root, "existing.bin");
        await File.WriteAllTextAsync(path, "precious");

        // No such binary (the summary is a 404)...
        var missing = await CliRun.RunAsync(["binary", "download", new string('0', 32), "-o", path, "--force", .. emulator.Connection]);
        Assert.Equal(5, missing.ExitCode);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));

        // ...and a binary whose file the server has not stored (the download itself is a 404).
        var binary = await HostileBinary.ServeAsync(emulator.Emulator, HostileBinary.Bytes(100));
        binary.NotStored(emulator.Emulator);
        var notStored = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", path, "--force", .. emulator.Connection]);
        Assert.Equal(5, notStored.ExitCode);
        Assert.Equal("precious", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_root));
    }

    [Fact]
    public async Task A_connection_dropped_mid_body_leaves_no_temporary_and_no_final_file()
    {
        var binary = await HostileBinary.ServeAsync(emulator.Emulator, HostileBinary.Bytes(400_000));
        binary.DropHalfWay(emulator.Emulator);
        var path = Path.Combine(_root, "dropped.bin");

        var run = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", path, .. emulator.Connection]);

        Assert.True(run.ExitCode == 8, run.Error);
        Assert.Empty(Directory.GetFileSystemEntries(_root));

        // Not the MD5 check catching it: the cut-short body itself is the error.
        var unchecked_ = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", path, "--no-md5-check", .. emulator.Connection]);
        Assert.Equal(8, unchecked_.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public async Task Ctrl_c_mid_body_removes_the_temporary_file()
    {
        var binary = await HostileBinary.ServeAsync(emulator.Emulator, HostileBinary.Bytes(400_000));
        binary.StallHalfWay(emulator.Emulator);
        var path = Path.Combine(_root, "interrupted.bin");
        using var ctrlC = new CancellationTokenSource();

        var download = CliRun.RunAsync(["binary", "download", binary.Md5, "-o", path, .. emulator.Connection], ctrlC.Token);
        // Wait until the first half of the file is in the temporary file (the server then holds the rest back).
        string? partial = null;
        while (partial is null && !download.IsCompleted)
        {
            partial = Directory.GetFiles(_root, "*.partial").SingleOrDefault(f => new FileInfo(f).Length > 0);
            await Task.Delay(20);
        }
        Assert.NotNull(partial);
        Assert.StartsWith("." + Path.GetFileName(path) + ".", Path.GetFileName(partial), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        ctrlC.Cancel();
        var run = await download;

        Assert.Equal(130, run.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public async Task Content_whose_md5_is_not_the_binarys_is_rejected_and_nothing_is_left()
    {
        // The summary says the binary is FFFF…, the file the server sends hashes to something else.
        var binary = await HostileBinary.ServeAsync(emulator.Emulator, HostileBinary.Bytes(2000), md5: new string('F', 32));
        var path = Path.Combine(_root, "mismatch.bin");
        await File.WriteAllTextAsync(path, "old");

        var run = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", path, "--force", .. emulator.Connection]);

        Assert.Equal(7, run.ExitCode);
        Assert.Matches($"MD5 is [0-9A-F]{{32}}, not {binary.Md5}; nothing was written", run.Error);
        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_root));

        // Standard output cannot be taken back: the bytes are out, the exit code says they are not the binary.
        var piped = await CliRun.RunAsync(["binary", "download", binary.Md5, "-o", "-", .. emulator.Connection]);
        Assert.Equal(7, piped.ExitCode);
        Assert.Equal(binary.Content, piped.RawOutput);
    }

    [Fact]
    public async Task No_md5_check_keeps_a_mismatching_file_with_a_warning()
    {
        // The seed's files are generated bytes, never the file their MD5 names.
        var path = Path.Combine(_root, SeedMd5);

        var strict = await CliRun.RunAsync(["binary", "download", SeedMd5, "-o", _root, .. emulator.Connection]);
        Assert.Equal(7, strict.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(_root));

        var lenient = await CliRun.RunAsync(["binary", "download", SeedMd5, "-o", _root, "--no-md5-check", "--json", .. emulator.Connection]);
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("warning: the downloaded file's MD5 is", lenient.Error, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(lenient.Output);
        Assert.False(doc.RootElement.GetProperty("md5_verified").GetBoolean());
        Assert.Equal(doc.RootElement.GetProperty("bytes").GetInt64(), new FileInfo(path).Length);
    }

    private int DownloadsOf(HostileBinary binary) =>
        emulator.Emulator.RequestLog.Entries.Count(e => e.Method == "GET" && e.PathAndQuery == binary.DownloadPath);
}
