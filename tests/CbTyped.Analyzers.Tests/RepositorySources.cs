using System.Text.RegularExpressions;

namespace CbTyped.Analyzers.Tests;

/// <summary>The repository's own files the false-positive sweep reads: C# of a folder, spec files, and the C# blocks
/// of Markdown documents.</summary>
internal static partial class RepositorySources
{
    public static string Root { get; } = FindRoot();

    /// <summary>The C# files under <paramref name="folder"/> (relative to the root), without bin/ and obj/.</summary>
    public static List<(string Path, string Text)> CSharp(string folder) => Files(folder, "*.cs");

    /// <summary>The spec files under <paramref name="folder"/>.</summary>
    public static List<(string Path, string Text)> Specs(string folder) =>
        [.. Files(folder, "*.model.yaml"), .. Files(folder, "*.model.json")];

    /// <summary>Every <c>```csharp</c> (or <c>```cs</c>) block of a Markdown file, with its line number.</summary>
    public static List<(int Line, string Code)> CSharpBlocks(string markdownPath)
    {
        var text = File.ReadAllText(Path.Combine(Root, markdownPath)).ReplaceLineEndings("\n");
        return CSharpBlock().Matches(text)
            .Select(m => (text[..m.Index].Count(c => c == '\n') + 1, m.Groups[1].Value))
            .ToList();
    }

    private static readonly string[] Readmes = ["README.md", "pack/README.md", "samples/scripts/README.md"];

    /// <summary>The Markdown documents a user reads: the READMEs and docs/.</summary>
    public static IEnumerable<string> MarkdownDocuments() =>
        Readmes
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Select(p => Path.GetRelativePath(Root, p)))
            .Where(p => File.Exists(Path.Combine(Root, p)))
            .Order(StringComparer.Ordinal);

    private static List<(string Path, string Text)> Files(string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), pattern, SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (p, File.ReadAllText(Path.Combine(Root, p))))
            .ToList();

    [GeneratedRegex(@"^```(?:csharp|cs)[ \t]*\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CbTyped.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("CbTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
