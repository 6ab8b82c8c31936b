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
        var target = Path.Combine(step.Options.DownloadDirectory, name);
        await using (var file = await binary.OpenFileAsync(cancellationToken))
        await using (var copy = File.Create(target))
            await file.CopyToAsync(copy, cancellationToken);
        step.Output.WriteLine($"Saved {binary.Md5} as {name} ({new FileInfo(target).Length} bytes)");

        await using var again = await binary.OpenFileAsync(cancellationToken);
        var firstTwo = new byte[2];
        await again.ReadExactlyAsync(firstTwo, cancellationToken);
        step.Output.WriteLine($"\"{System.Text.Encoding.ASCII.GetString(firstTwo)}\"");
    }
}
