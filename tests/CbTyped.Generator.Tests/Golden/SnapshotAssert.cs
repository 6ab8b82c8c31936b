using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace CbTyped.Generator.Tests.Golden;

/// <summary>
/// Golden-file comparison of generated sources: <c>Snapshots/{test}/{hint}.txt</c> beside this file.
/// The set of files is compared before their content; line endings are LF. <c>UPDATE_SNAPSHOTS=1</c> rewrites the
/// folder (stale files deleted) and is refused when <c>CI=true</c>, so CI can never bless its own output.
/// </summary>
internal static class SnapshotAssert
{
    public static void Matches(string testName, IReadOnlyDictionary<string, string> sources)
    {
        string folder = Path.Combine(ProjectFolder(), "Snapshots", testName);
        var expectedNames = sources.Keys.Select(hint => hint + ".txt").OrderBy(n => n, StringComparer.Ordinal).ToList();

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Assert.False(
                string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase),
                "UPDATE_SNAPSHOTS is refused when CI=true: update the snapshots locally and commit them.");
            Directory.CreateDirectory(folder);
            foreach (string stale in Directory.GetFiles(folder, "*.txt"))
            {
                File.Delete(stale);
            }
            foreach (var pair in sources)
            {
                File.WriteAllText(Path.Combine(folder, pair.Key + ".txt"), Normalize(pair.Value));
            }
            return;
        }

        Assert.True(Directory.Exists(folder), $"No snapshots for {testName}: run the tests once with UPDATE_SNAPSHOTS=1 and review the files.");
        var actualNames = Directory.GetFiles(folder, "*.txt").Select(f => Path.GetFileName(f)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(actualNames, expectedNames);
        foreach (var pair in sources)
        {
            string expected = Normalize(File.ReadAllText(Path.Combine(folder, pair.Key + ".txt")));
            Assert.True(
                expected == Normalize(pair.Value),
                $"Generated {pair.Key} differs from its snapshot (first difference at character {FirstDifference(expected, Normalize(pair.Value))}). "
                + "If the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff.");
        }
    }

    /// <summary>The test project's source folder (this file's caller path is compiled in, so it points at the source tree).</summary>
    private static string ProjectFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, ".."));

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static int FirstDifference(string a, string b)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }
        return length;
    }
}
