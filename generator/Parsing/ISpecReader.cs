namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Reads spec text (YAML or JSON) into <see cref="SpecNode"/>s. Hidden behind an interface so the YAML library
    /// (YamlDotNet today) can be replaced by a hand-written subset reader if analyzer load conflicts appear.
    /// </summary>
    internal interface ISpecReader
    {
        SpecDocument Read(string text);
    }
}
