using System.CommandLine;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped binary download MD5 [-o FILE]</c>.</summary>
internal static class BinaryCommands
{
    public static Command Create(CommandRunner runner)
    {
        var binary = new Command("binary", "Binaries the server collected.");
        var md5 = new Argument<string>("md5") { Description = "The binary's MD5." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write the file (default: ./<MD5>; '-' for standard output)." };
        var download = new Command("download", "Download a binary's file.") { md5, output };
        runner.SetAction(download, c => DownloadAsync(c, c.Get(md5), c.Get(output)));
        binary.Subcommands.Add(download);
        return binary;
    }

    private static async Task<int> DownloadAsync(CommandContext context, string md5, string? output)
    {
        if (md5.Length != 32 || !md5.All(Uri.IsHexDigit))
            throw new CliUsageException($"'{md5}' is not an MD5 (32 hex digits).");
        var binary = await context.GetOrNotFoundAsync<Binary>(md5.ToUpperInvariant(), "binary").ConfigureAwait(false);
        var toStdout = output == "-";
        var path = toStdout ? null : Path.GetFullPath(output ?? binary.Md5 ?? md5.ToUpperInvariant());

        long written;
        using (var progress = toStdout ? null : ProgressBar.Start(context.Output, "downloading"))
        {
            var destination = toStdout ? context.Output.OpenStandardOutput() : new FileStream(path!, FileMode.Create, FileAccess.Write, FileShare.None);
            await using (destination.ConfigureAwait(false))
            {
                var counting = new ProgressStream(destination, n => progress?.Report(n, binary.OrigModLen, "bytes"));
                await using (counting.ConfigureAwait(false))
                    written = await binary.DownloadToAsync(counting, context.CancellationToken).ConfigureAwait(false);
            }
        }

        if (toStdout)
            return ExitCodes.Success;
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("md5", binary.Md5);
                w.WriteString("file", path);
                w.WriteNumber("bytes", written);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.Output.WriteLine($"{binary.Md5}: {Formats.Number(written)} bytes -> {path}");
        }
        return ExitCodes.Success;
    }
}
