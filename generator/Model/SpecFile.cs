namespace CbTyped.Generator.Model
{
    /// <summary>A spec file's path and text: equatable, so an unchanged file is not parsed again.</summary>
    public sealed record SpecFile(string Path, string? Text);
}
