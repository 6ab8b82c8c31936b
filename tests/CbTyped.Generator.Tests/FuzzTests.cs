using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CbTyped.Generator.Tests.Harness;
using Xunit;
using Xunit.Abstractions;

namespace CbTyped.Generator.Tests;

/// <summary>
/// The generator never throws: hundreds of mutated and truncated spec files (deterministic seed) give no exception and
/// no CS8785. A mutation that is broken by construction (see <see cref="Mutation.Broken"/>) must give a CBT diagnostic
/// on the mutated file; any other mutation must give either a CBT diagnostic or every model.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261128;

    /// <summary>One mutated spec file. <c>Broken</c> is true only when the mutation is invalid by construction.</summary>
    public sealed record Mutation(string BaseFile, string Description, string Text, bool Broken);

    [Fact]
    public void Mutated_and_truncated_specs_never_crash_the_generator_and_broken_ones_are_reported()
    {
        var bases = TestSpecFiles.All();
        var mutations = bases.SelectMany(b => Mutate(b.Path, b.Text, new Random(Seed ^ b.Path.Length ^ b.Text.Length))).ToList();
        var failures = new List<string>();

        foreach (var mutation in mutations)
        {
            var specs = bases.Select(b => b.Path == mutation.BaseFile ? (b.Path, mutation.Text) : b).ToList();
            var (diagnostics, hints, exception) = GeneratorHarness.RunGeneratorOnly(specs);
            string what = mutation.BaseFile + " / " + mutation.Description;
            if (exception is not null) failures.Add(what + ": exception " + exception.GetType().Name + ": " + exception.Message);
            if (diagnostics.Any(d => d.Id == "CS8785")) failures.Add(what + ": CS8785");
            if (diagnostics.Any(d => d.Id == "CBT9999")) failures.Add(what + ": internal error " + diagnostics.First(d => d.Id == "CBT9999").GetMessage(System.Globalization.CultureInfo.InvariantCulture));

            var cbt = diagnostics.Where(d => d.Id.StartsWith("CBT", StringComparison.Ordinal)).ToList();
            bool onMutatedFile = cbt.Any(d => d.Location.GetLineSpan().Path == mutation.BaseFile);
            if (mutation.Broken && !onMutatedFile) failures.Add(what + ": broken by construction but no CBT diagnostic on the file");
            if (cbt.Count == 0 && hints.Count(h => h.EndsWith(".ModelInfo.g.cs", StringComparison.Ordinal)) != bases.Count)
            {
                failures.Add(what + ": no diagnostic, but not every model was generated (" + string.Join(", ", hints) + ")");
            }
        }

        int broken = mutations.Count(m => m.Broken);
        output.WriteLine($"{mutations.Count} mutated spec files, {broken} broken by construction, {failures.Count} failures");
        Assert.True(mutations.Count >= 200, "only " + mutations.Count + " mutations");
        Assert.True(broken >= 150, "only " + broken + " guaranteed-broken mutations");
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_proper_prefix_of_a_json_spec_is_reported()
    {
        // A JSON object cut anywhere before its closing brace is never valid: every prefix must give a CBT diagnostic.
        var (path, text) = TestSpecFiles.Get("WatchlistAction.model.json");
        int end = text.LastIndexOf('}');
        var missing = new List<int>();
        for (int cut = 0; cut < end; cut += 3)
        {
            var (diagnostics, _, exception) = GeneratorHarness.RunGeneratorOnly([(path, text[..cut])]);
            Assert.Null(exception);
            if (!diagnostics.Any(d => d.Id.StartsWith("CBT", StringComparison.Ordinal))) missing.Add(cut);
        }
        Assert.Empty(missing);
    }

    /// <summary>Deterministic mutations of one spec file.</summary>
    internal static IEnumerable<Mutation> Mutate(string path, string text, Random random)
    {
        bool json = path.EndsWith(".json", StringComparison.Ordinal);
        var lines = text.Split('\n');

        // 1. Truncation at many offsets. Broken by construction when the cut removes the whole 'fields' key (a spec
        //    needs it) or, for JSON, cuts before the outer object's closing brace.
        var offsets = Enumerable.Range(0, 20).Select(i => i * text.Length / 20).Concat(Enumerable.Range(0, 5).Select(_ => random.Next(text.Length))).Distinct();
        foreach (int cut in offsets)
        {
            var truncated = text[..cut];
            bool broken = json ? cut < text.LastIndexOf('}') : !Regex.IsMatch(truncated, "(^|\n)fields:");
            yield return new Mutation(path, "truncated at " + cut, truncated, broken);
        }

        // 2. Deleted lines. Deleting the 'model' or 'fields' line always breaks the spec.
        foreach (int index in Pick(random, lines.Length, 10))
        {
            var line = lines[index];
            bool broken = Regex.IsMatch(line, json ? "^\\s*\"(model|fields)\"" : "^(model|fields):");
            yield return new Mutation(path, "deleted line " + (index + 1), string.Join("\n", lines.Where((_, i) => i != index)), broken);
        }

        // 3. Duplicated lines. A duplicated mapping entry is a duplicate key (or, in JSON, a missing comma).
        foreach (int index in Pick(random, lines.Length, 10))
        {
            var line = lines[index];
            bool broken = json ? Regex.IsMatch(line, "^\\s*\"[A-Za-z_]+\"\\s*:") : Regex.IsMatch(line, "^\\s*[A-Za-z_][A-Za-z_0-9]*:");
            var copy = lines.Take(index + 1).Append(line).Concat(lines.Skip(index + 1));
            yield return new Mutation(path, "duplicated line " + (index + 1), string.Join("\n", copy), broken);
        }

        // 4. Swapped values between two "key: value" lines (may or may not stay valid).
        var valueLines = Enumerable.Range(0, lines.Length).Where(i => Regex.IsMatch(lines[i], json ? "^\\s*\"[^\"]+\":\\s*\\S" : "^\\s*[A-Za-z_]+:\\s+\\S")).ToList();
        for (int i = 0; i < 6 && valueLines.Count > 1; i++)
        {
            int a = valueLines[random.Next(valueLines.Count)], b = valueLines[random.Next(valueLines.Count)];
            if (a == b) continue;
            var swapped = (string[])lines.Clone();
            int ca = lines[a].IndexOf(':', StringComparison.Ordinal), cb = lines[b].IndexOf(':', StringComparison.Ordinal);
            swapped[a] = lines[a][..ca] + lines[b][cb..];
            swapped[b] = lines[b][..cb] + lines[a][ca..];
            yield return new Mutation(path, "swapped values of lines " + (a + 1) + " and " + (b + 1), string.Join("\n", swapped), false);
        }

        // 5. Random unknown keys, at the top level and inside a field.
        for (int i = 0; i < 5; i++)
        {
            string key = "zz" + RandomWord(random);
            string mutated = json
                ? text.Insert(text.IndexOf('{', StringComparison.Ordinal) + 1, "\"" + key + "\": 1,")
                : i % 2 == 0
                    ? text.Replace("\nfields:\n", "\n" + key + ": 1\nfields:\n", StringComparison.Ordinal)
                    : ReplaceNth(text, "{ type:", "{ " + key + ": true, type:", random);
            yield return new Mutation(path, "unknown key " + key, mutated, mutated != text);
        }

        // 6. Bad types, one field at a time.
        var typeMatches = Regex.Matches(text, json ? "\"type\": \"[^\"]+\"" : "type: (\"[^\"]*\"|[^,}\\n]+)");
        foreach (Match match in typeMatches.Take(8))
        {
            string bad = json ? "\"type\": \"nosuchtype\"" : "type: " + (random.Next(2) == 0 ? "nosuchtype" : "\"list<nosuchtype>\"");
            yield return new Mutation(path, "bad type at " + match.Index, text[..match.Index] + bad + text[(match.Index + match.Length)..], true);
        }

        // 7. Values outside the allowed set: query kinds, booleans (YAML 1.1 'yes' is not one), versions.
        foreach (var (from, to) in new[] { ("kind: serverList", "kind: serverlist"), ("kind: search", "kind: serch"), ("readOnly: true", "readOnly: yes"), ("requiredOnCreate: true", "requiredOnCreate: 1"), ("\"readOnly\": true", "\"readOnly\": \"sure\""), ("minServerVersion: \"6.0\"", "minServerVersion: \"six\"") })
        {
            if (text.Contains(from, StringComparison.Ordinal)) yield return new Mutation(path, from + " → " + to, text.Replace(from, to, StringComparison.Ordinal), true);
        }

        // 8. Random punctuation dropped in at random places (may or may not stay valid).
        const string junk = "{}[]:\"',#&*!|>-? \t";
        for (int i = 0; i < 4; i++)
        {
            int at = random.Next(text.Length);
            yield return new Mutation(path, "junk at " + at, text.Insert(at, junk[random.Next(junk.Length)].ToString()), false);
        }
    }

    private static IEnumerable<int> Pick(Random random, int count, int howMany) =>
        Enumerable.Range(0, howMany).Select(_ => random.Next(count)).Distinct();

    private static string RandomWord(Random random) =>
        new(Enumerable.Range(0, 5).Select(_ => (char)('a' + random.Next(26))).ToArray());

    private static string ReplaceNth(string text, string find, string replacement, Random random)
    {
        var matches = Regex.Matches(text, Regex.Escape(find));
        if (matches.Count == 0) return text;
        var match = matches[random.Next(matches.Count)];
        return text[..match.Index] + replacement + text[(match.Index + match.Length)..];
    }
}
