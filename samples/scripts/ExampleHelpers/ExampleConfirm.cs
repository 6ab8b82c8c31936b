namespace CbTyped.Scripts;

/// <summary>The y/n question the watchlist exporter and importer ask for each watchlist with <c>--selective</c>.</summary>
public static class ExampleConfirm
{
    /// <summary>
    /// Asks <paramref name="prompt"/> on stdout until the answer is y, Y, n or N; an empty answer means yes, as in
    /// cbapi. The end of the input means no (cbapi stops with a traceback there).
    /// </summary>
    public static bool Ask(string prompt)
    {
        while (true)
        {
            Console.Write(prompt);
            var answer = Console.ReadLine();
            switch (answer)
            {
                case null:
                    Console.WriteLine();
                    return false;
                case "" or "y" or "Y":
                    return true;
                case "n" or "N":
                    return false;
                default:
                    Console.WriteLine("Please enter y or n.");
                    break;
            }
        }
    }
}
