using System.IO.Compression;
using System.Xml.Linq;

namespace CbTyped.Packaging.Tests.Infrastructure;

/// <summary>One packed .nupkg: where it is, its entry names ('/' separators), its nuspec and what `dotnet pack` printed.</summary>
internal sealed record PackedNupkg(string Path, IReadOnlyList<string> Entries, XDocument Nuspec, string PackOutput)
{
    public XNamespace Ns => Nuspec.Root!.Name.Namespace;

    /// <summary>The text of one nuspec metadata element, e.g. "id" or "projectUrl".</summary>
    public string Metadata(string name) => Nuspec.Descendants(Ns + name).Single().Value;

    public string ReadText(string entry)
    {
        using var zip = ZipFile.OpenRead(Path);
        using var reader = new StreamReader((zip.GetEntry(entry) ?? throw new FileNotFoundException("Not in the package: " + entry)).Open());
        return reader.ReadToEnd();
    }
}
