namespace CbTyped.Generator.Model
{
    /// <summary>One generated source file.</summary>
    public sealed record GeneratedSource(string HintName, string Text);
}
