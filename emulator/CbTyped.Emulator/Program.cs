namespace CbTyped.Emulator;

/// <summary>The runnable server (placeholder until the emulator lands).</summary>
internal static class Program
{
    private static int Main()
    {
        Console.WriteLine("CbTyped emulator: not built yet");
        return 0;
    }
}
