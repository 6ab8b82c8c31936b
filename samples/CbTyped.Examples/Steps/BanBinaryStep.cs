using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>
/// "Ban a Binary": create a BannedHash. The document prints nothing here but the log lines (<c>--verbose</c>).
/// Banning it again would be a <see cref="CbClientException"/> with the server's message (tested in BannedHashTests).
/// </summary>
internal static class BanBinaryStep
{
    public static async Task RunAsync(StepContext step, CancellationToken cancellationToken)
    {
        StepHeading.Write(step.Output, "Ban a Binary");
        if (!step.MayChange("banning a hash"))
            return;

        var binary = await step.Cb.GetAsync<Binary>(step.Seed.BinaryMd5, cancellationToken);
        var bh = step.Cb.Create<BannedHash>();
        bh.Md5hash = binary.Md5;
        bh.Text = "Banned from API";
        await step.Cb.SaveAsync(bh, cancellationToken);
    }
}
