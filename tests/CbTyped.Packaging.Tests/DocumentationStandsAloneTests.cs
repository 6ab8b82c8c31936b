using System.Text.RegularExpressions;
using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// The repository's documents stand on their own: every relative link in a Markdown file points at a file of the
/// repository, and no file cites a document the repository does not have (a path above the repository, or a
/// numbered section of one).
/// </summary>
public sealed partial class DocumentationStandsAloneTests
{
    // Folders that are build output or tool state, never documentation.
    private static readonly string[] SkippedFolders = ["bin", "obj", "artifacts", ".git", "node_modules", "BenchmarkDotNet.Artifacts"];

    private static readonly string[] TextExtensions =
        [".md", ".cs", ".yaml", ".yml", ".json", ".props", ".targets", ".csproj", ".sh", ".ps1", ".txt"];

    [Fact]
    public void Every_relative_link_in_a_markdown_file_resolves_inside_the_repository()
    {
        var broken = new List<string>();
        foreach (var file in RepositoryFiles(".md"))
        {
            var text = File.ReadAllText(file);
            foreach (Match link in MarkdownLink().Matches(text))
            {
                var target = link.Groups["target"].Value;
                if (IsExternal(target))
                    continue;
                var path = target.Split('#')[0];
                if (path.Length == 0)
                    continue; // an anchor in the same page
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, Uri.UnescapeDataString(path)));
                if (!resolved.StartsWith(RepositoryPaths.Root, StringComparison.Ordinal) || (!File.Exists(resolved) && !Directory.Exists(resolved)))
                    broken.Add($"{Relative(file)}:{LineOf(text, link.Index)}: {target}");
            }
        }
        Assert.True(broken.Count == 0, "Links that do not resolve inside the repository:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void No_file_cites_a_document_the_repository_does_not_have()
    {
        // Built from pieces so that this file does not match itself.
        string[] citations = ["../" + "shared/", "reference " + "§", "cbapi-python-" + "features", "coord" + "/", "rest-api " + "reference"];
        var found = new List<string>();
        foreach (var file in RepositoryFiles(TextExtensions))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                foreach (var citation in citations)
                {
                    if (lines[i].Contains(citation, StringComparison.Ordinal))
                        found.Add($"{Relative(file)}:{i + 1}: {lines[i].Trim()}");
                }
                if (SectionCitation().IsMatch(lines[i]))
                    found.Add($"{Relative(file)}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(found.Count == 0, "State the fact or link a public page instead of citing:\n" + string.Join("\n", found));
    }

    private static IEnumerable<string> RepositoryFiles(params string[] extensions)
    {
        var pending = new Stack<string>([RepositoryPaths.Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(sub), StringComparer.Ordinal))
                    pending.Push(sub);
            }
            foreach (var file in Directory.EnumerateFiles(dir))
            {
                if (extensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                    yield return file;
            }
        }
    }

    private static bool IsExternal(string target) =>
        target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal)
        || target.StartsWith("mailto:", StringComparison.Ordinal) || target.StartsWith('#');

    private static string Relative(string file) => Path.GetRelativePath(RepositoryPaths.Root, file);

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    // [text](target) and ![alt](target), with an optional "title".
    [GeneratedRegex(@"!?\[[^\]]*\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    // Numbered-section citations (a section sign and a number): they only make sense beside the document they number.
    [GeneratedRegex(@"§\s?\d")]
    private static partial Regex SectionCitation();
}
