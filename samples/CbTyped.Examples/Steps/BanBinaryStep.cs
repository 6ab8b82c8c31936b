using CbTyped.Response;

namespace CbTyped.Examples;

/// <summary>"Ban a Binary": create a BannedHash; banning it again is an error with the server's message.</summary>
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
        step.Output.WriteLine($"Banned {bh.Md5hash}: {bh.Text} (enabled: {PythonFormat.Bool(bh.Enabled == true)})");

        try
        {
            var again = step.Cb.Create<BannedHash>();
            again.Md5hash = binary.Md5;
            again.Text = "Banned from API";
            await step.Cb.SaveAsync(again, cancellationToken);
            step.Output.WriteLine("Banning it again succeeded (unexpected).");
        }
        catch (CbApiException e)
        {
            step.Output.WriteLine($"Banning it again fails: {e.ServerMessage ?? e.Message}");
        }
    }
}
