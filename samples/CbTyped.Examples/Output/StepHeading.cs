namespace CbTyped.Examples;

/// <summary>The document's section titles, underlined as the document does.</summary>
internal static class StepHeading
{
    public static void Write(TextWriter output, string title)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(new string('-', title.Length));
    }
}
