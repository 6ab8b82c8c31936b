using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>"Download a Binary from Cb Response": stream the file to disk in chunks, then read its first two bytes.</summary>
internal static class DownloadBinaryStep
{
    public static async Task RunAsync(StepContext step, CancellationToken cancellationToken)
    {
        StepHeading.Write(step.Output, "Download a Binary from Cb Response");
        var binary = await step.Cb.GetAsync<Binary>(step.Seed.BinaryMd5, cancellationToken);

        Directory.CreateDirectory(step.Options.DownloadDirectory);
        // original_filename may be a full Windows path; keep only the name.
        var name = Path.GetFileName((binary.OriginalFilename ?? binary.Md5 ?? "binary").Replace('\\', '/'));
        await using (var file = await binary.OpenFileAsync(cancellationToken))
        await using (var copy = File.Create(Path.Combine(step.Options.DownloadDirectory, name)))
            await file.CopyToAsync(copy, cancellationToken);

        // >>> binary.file.read(2)  →  "MZ"
        await using var again = await binary.OpenFileAsync(cancellationToken);
        var firstTwo = new byte[2];
        await again.ReadExactlyAsync(firstTwo, cancellationToken);
        step.Output.WriteLine($"\"{System.Text.Encoding.ASCII.GetString(firstTwo)}\"");
    }
}
