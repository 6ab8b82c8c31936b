using System.CommandLine;
using System.Security.Cryptography;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped binary download MD5 [-o FILE|DIR|-] [--force] [--no-md5-check]</c> (search and info: <see cref="BinarySearchCommands"/>).</summary>
internal static class BinaryCommands
{
    public static Command Create(CommandRunner runner)
    {
        var binary = new Command("binary", "Binaries the server collected.");
        var md5 = new Argument<string>("md5") { Description = "The binary's MD5." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the file: a file, a directory (the file is <MD5> in it) or '-' for standard output (default: ./<MD5>)." };
        var force = new Option<bool>("--force") { Description = "Replace the output file if it exists." };
        var noMd5Check = new Option<bool>("--no-md5-check") { Description = "Keep the file even when its MD5 is not the binary's (a warning instead of an error)." };
        var download = new Command("download", "Download a binary's file.") { md5, output, force, noMd5Check };
        runner.SetAction(download, c => DownloadAsync(c, c.Get(md5), c.Get(output), c.Get(force), c.Get(noMd5Check)));
        CommandExamples.Add(download,
            "cbtyped binary download 7FB55F5A62E78AF9B58D08AAEEAEF848",
            "cbtyped binary download 7FB55F5A62E78AF9B58D08AAEEAEF848 -o samples/ --force",
            "cbtyped binary download 7FB55F5A62E78AF9B58D08AAEEAEF848 -o - | sha256sum");
        binary.Subcommands.Add(download);
        foreach (var command in BinarySearchCommands.Create(runner))
            binary.Subcommands.Add(command);
        return binary;
    }

    private static async Task<int> DownloadAsync(CommandContext context, string md5, string? output, bool force, bool noMd5Check)
    {
        if (md5.Length != 32 || !md5.All(Uri.IsHexDigit))
            throw new CliUsageException($"'{md5}' is not an MD5 (32 hex digits).");
        md5 = md5.ToUpperInvariant();
        var toStdout = output == "-";
        // The file is named after the validated argument, never after a field of the server's answer, so no server
        // value can choose where it goes. An existing file is refused before any request.
        string? path = null;
        if (!toStdout)
        {
            path = Path.GetFullPath(output is null ? md5 : Directory.Exists(output) ? Path.Combine(output, md5) : output);
            AtomicFileWriter.EnsureWritable(path, force);
        }

        var binary = await context.GetOrNotFoundAsync<Binary>(md5, "binary").ConfigureAwait(false);
        if (binary.Md5 is { Length: > 0 } declared && !string.Equals(declared, md5, StringComparison.OrdinalIgnoreCase))
            throw new CliInvalidAnswerException($"asked for binary {md5}, the server answered with md5 {Printable.Quote(declared)}.");

        long written;
        string actual;
        using (var progress = toStdout ? null : ProgressBar.Start(context.Output, "downloading"))
        {
            // The download is open (the server answered 200 with a zip) before any local file is created.
            var file = await binary.OpenFileAsync(context.CancellationToken).ConfigureAwait(false);
            await using (file.ConfigureAwait(false))
            {
                if (toStdout)
                {
                    var stdout = context.Output.OpenStandardOutput();
                    await using (stdout.ConfigureAwait(false))
                        (written, actual) = await CopyHashingAsync(file, stdout, null, context.CancellationToken).ConfigureAwait(false);
                    CheckMd5(context, md5, actual, noMd5Check, "the bytes on standard output are not that binary");
                }
                else
                {
                    var writer = AtomicFileWriter.Create(path!, force);
                    await using (writer.ConfigureAwait(false))
                    {
                        (written, actual) = await CopyHashingAsync(file, writer.Stream, n => progress?.Report(n, binary.OrigModLen, "bytes"), context.CancellationToken).ConfigureAwait(false);
                        // A mismatch throws here, and disposing the uncommitted writer deletes the temporary file.
                        CheckMd5(context, md5, actual, noMd5Check, "nothing was written");
                        await writer.CommitAsync(context.CancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        if (toStdout)
            return ExitCodes.Success;
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("md5", md5);
                w.WriteString("file", path);
                w.WriteNumber("bytes", written);
                w.WriteBoolean("md5_verified", string.Equals(actual, md5, StringComparison.Ordinal));
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"{md5}: {Formats.Number(written)} bytes -> {path}");
        }
        return ExitCodes.Success;
    }

    /// <summary>Copies the file, hashing it on the way; returns the byte count and the upper-case hex MD5.</summary>
    private static async Task<(long Bytes, string Md5)> CopyHashingAsync(Stream source, Stream destination, Action<long>? progress, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            md5.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            total += read;
            progress?.Invoke(total);
        }
        return (total, Convert.ToHexString(md5.GetHashAndReset()));
    }

    // A binary's key is the MD5 of its file, so content hashing to anything else is not that binary.
    private static void CheckMd5(CommandContext context, string expected, string actual, bool warnOnly, string consequence)
    {
        if (string.Equals(expected, actual, StringComparison.Ordinal))
            return;
        var message = $"the downloaded file's MD5 is {actual}, not {expected}";
        if (!warnOnly)
            throw new CliInvalidAnswerException(message + "; " + consequence + ".");
        context.Output.Note("cbtyped: warning: " + message + " (kept: --no-md5-check).");
    }
}
