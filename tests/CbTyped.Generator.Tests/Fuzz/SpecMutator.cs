using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CbTyped.Generator.Tests.Fuzz;

/// <summary>One hostile variant of a real spec: the file it replaces, the path it is given, what was done, the text.</summary>
public sealed record SpecMutation(string BaseFile, string Path, string Description, string Text);

/// <summary>
/// Deterministic hostile variants of one spec file (same seed, same variants): truncations, wrong types, unknown keys,
/// duplicates, keywords and invalid identifiers, unicode and control characters, deep nesting, aliases, huge files,
/// and the spec as JSON with comments and trailing commas.
/// </summary>
internal static class SpecMutator
{
    private static readonly string[] BadTypes =
    [
        "nosuchtype", "\"list<\"", "\"map<int,string>\"", "\"clr:\"", "\"clr:System.int\"", "\"clr:System.Collections.Generic.List<int>\"",
        "\"list<list<list<list<list<list<list<list<list<int>>>>>>>>>\"", "enum", "Sensor", "\"list<enum>\"", "\"map<string,map<string,list<guid>>>\"",
        "\"clr:System.TimeSpan\"", "\"\"", "[int]", "{ type: int }", "\"map<string,\"",
    ];

    private static readonly string[] BadNames =
    [
        "class", "var", "record", "Fields", "ModelInfo", "1abc", "\"a b\"", "thing", "_", "Value", "Ünïcødé", "\"@class\"", "dynamic",
        "\"Type<T>\"", "\"\"", "ObjectInfo", "RawJson", "System", "global", "\"a.b\"", "Equals", "Client",
    ];

    private static readonly string[] Characters =
    [
        "\0", "\u0001", "\u0007", "\u001b", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ud83d\ude00", "é", "\u200b",
        "\r", "\t", "\uFFFE", "\\", "\"", "'", "<", "&", "*/", "{", "}", "#", "\n",
    ];

    private static readonly string[] DocEscapes = ["\\r", "\\u2028", "\\u2029", "\\x85", "\\0", "\\e", "\\x01", "\\t\\r\\n", "</summary>", "\\\"", "\\\\"];

    public static IEnumerable<SpecMutation> Mutate(string path, string text, Random random)
    {
        var lines = text.Split('\n');
        SpecMutation M(string description, string mutated) => new(path, path, description, mutated);

        // Truncations.
        for (int i = 0; i < 3; i++)
        {
            int cut = random.Next(text.Length);
            yield return M("truncated at " + cut, text[..cut]);
        }

        // Wrong types.
        var types = Regex.Matches(text, "type: (\"[^\"]*\"|[^,}\\n]+)").ToList();
        for (int i = 0; i < 3 && types.Count > 0; i++)
        {
            var match = types[random.Next(types.Count)];
            string bad = BadTypes[random.Next(BadTypes.Length)];
            yield return M("type at " + match.Index + " → " + bad, text[..match.Index] + "type: " + bad + text[(match.Index + match.Length)..]);
        }

        // Unknown keys, at the top level and inside a flow mapping.
        string key = "zz" + Word(random);
        yield return M("unknown top-level key " + key, key + ": 1\n" + text);
        int brace = text.IndexOf("{ ", StringComparison.Ordinal);
        if (brace >= 0) yield return M("unknown key in a mapping " + key, text.Insert(brace + 2, key + ": true, "));

        // Duplicates: a line written twice, a whole section written twice.
        for (int i = 0; i < 2; i++)
        {
            int index = random.Next(lines.Length);
            yield return M("duplicated line " + (index + 1), string.Join("\n", lines.Take(index + 1).Append(lines[index]).Concat(lines.Skip(index + 1))));
        }
        yield return M("fields section twice", text + "\n" + text[text.IndexOf("\nfields:", StringComparison.Ordinal)..]);

        // Keywords and invalid identifiers: model, field, nested type, enum and join names.
        string name = BadNames[random.Next(BadNames.Length)];
        yield return M("model name " + name, Regex.Replace(text, "(?m)^model: .*$", "model: " + name));
        var fieldKeys = Regex.Matches(text, "(?m)^  ([a-z_][a-z_0-9]*):").ToList();
        if (fieldKeys.Count > 0)
        {
            var field = fieldKeys[random.Next(fieldKeys.Count)];
            string other = BadNames[random.Next(BadNames.Length)];
            yield return M("key " + field.Groups[1].Value + " → " + other, text[..field.Groups[1].Index] + other + text[(field.Groups[1].Index + field.Groups[1].Length)..]);
        }
        string nameOverride = BadNames[random.Next(BadNames.Length)];
        yield return M("field name override " + nameOverride, ReplaceFirst(text, "{ type:", "{ name: " + nameOverride + ", type:"));
        yield return M("enumName " + nameOverride, ReplaceFirst(text, "type: enum,", "type: enum, enumName: " + nameOverride + ","));
        // A namespace equal to another model's full name (CS0101 if it were emitted).
        string otherModel = path.Contains("Sensor.model", StringComparison.Ordinal) ? "Process" : "Sensor";
        yield return M("namespace equal to model " + otherModel, Regex.Replace(Regex.Replace(text, "(?m)^namespace: .*\n", ""), "(?m)^model: (.*)$", "model: $1\nnamespace: CbTyped.Response." + otherModel));

        // Unicode and control characters, raw at random places and escaped inside doc text.
        for (int i = 0; i < 3; i++)
        {
            int at = random.Next(text.Length);
            string c = Characters[random.Next(Characters.Length)];
            yield return M("character U+" + ((int)c[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + " at " + at, text.Insert(at, c));
        }
        string escape = DocEscapes[random.Next(DocEscapes.Length)];
        yield return M("doc escape " + escape, Regex.Replace(text, "(?m)^(\\s*)doc: .*$", "$1doc: \"x" + escape + "public int Oops() => 1;\"", RegexOptions.None, TimeSpan.FromSeconds(5)));
        yield return M("enum value escape " + escape, Regex.Replace(text, "values: \\[", "values: [\"v" + escape + "w\", "));

        // Deep nesting.
        int depth = new[] { 31, 40, 1000, 100_000 }[random.Next(4)];
        yield return M("nested brackets x" + depth, text.Replace("\nfields:\n", "\nzz: " + new string('[', depth) + new string(']', depth) + "\nfields:\n", StringComparison.Ordinal));
        yield return M("unclosed brackets x" + depth, text + "\nzz: " + new string('[', depth) + "\n");

        // Aliases: a small one, and a bomb.
        yield return M("alias", Regex.Replace(text, "(?m)^fields:$", "fields: &f") + "\ncopy: *f\n");
        yield return M("alias bomb", text + AliasBomb());

        // Huge files: a long comment, a long doc, many fields (a few specs only: their output is compiled).
        if (random.Next(3) == 0)
        {
            yield return M("2 MB of comments", text + string.Concat(Enumerable.Repeat("# " + new string('x', 98) + "\n", 20_000)));
        }
        else
        {
            yield return M("1 MB doc", Regex.Replace(text, "(?m)^model: (.*)$", "model: $1\ndoc: \"" + new string('d', 1_000_000) + "\""));
        }
        if (random.Next(7) == 0)
        {
            var many = new StringBuilder();
            for (int i = 0; i < 300; i++) many.Append("  zz_field_").Append(i).Append(": { type: string, doc: field ").Append(i).Append(" }\n");
            yield return M("300 more fields", text.Replace("\nfields:\n", "\nfields:\n" + many, StringComparison.Ordinal));
        }

        // Swapped values and a deleted line.
        var valueLines = Enumerable.Range(0, lines.Length).Where(i => Regex.IsMatch(lines[i], "^\\s*[A-Za-z_]+:\\s+\\S")).ToList();
        if (valueLines.Count > 1)
        {
            int a = valueLines[random.Next(valueLines.Count)], b = valueLines[random.Next(valueLines.Count)];
            var swapped = (string[])lines.Clone();
            int ca = lines[a].IndexOf(':', StringComparison.Ordinal), cb = lines[b].IndexOf(':', StringComparison.Ordinal);
            swapped[a] = lines[a][..ca] + lines[b][cb..];
            swapped[b] = lines[b][..cb] + lines[a][ca..];
            yield return M("swapped values of lines " + (a + 1) + " and " + (b + 1), string.Join("\n", swapped));
        }
        int deleted = random.Next(lines.Length);
        yield return M("deleted line " + (deleted + 1), string.Join("\n", lines.Where((_, i) => i != deleted)));

        // JSON: the same spec as JSON (valid), with comments, with trailing commas, truncated.
        string jsonPath = path.Replace(".model.yaml", ".model.json", StringComparison.Ordinal);
        string json = YamlToJson.Convert(text);
        yield return new SpecMutation(path, jsonPath, "as JSON", json);
        yield return new SpecMutation(path, jsonPath, "JSON with // comments", json.Replace("\n  \"fields\"", "\n  // the fields\n  \"fields\"", StringComparison.Ordinal));
        yield return new SpecMutation(path, jsonPath, "JSON with /* */ comments", json.Replace("{\n", "{ /* c */\n", StringComparison.Ordinal));
        yield return new SpecMutation(path, jsonPath, "JSON with trailing commas", YamlToJson.Convert(text, trailingCommas: true));
        int jsonCut = random.Next(json.Length);
        yield return new SpecMutation(path, jsonPath, "JSON truncated at " + jsonCut, json[..jsonCut]);
    }

    /// <summary>About 1 KB that expands 10^10 times through an alias-expanding YAML reader.</summary>
    private static string AliasBomb()
    {
        var builder = new StringBuilder("\nbomb0: &b0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++)
        {
            builder.Append("bomb").Append(i).Append(": &b").Append(i).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*b" + (i - 1), 10))).Append("]\n");
        }
        return builder.ToString();
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text + "\n" + replacement : text[..at] + replacement + text[(at + find.Length)..];
    }

    private static string Word(Random random) => new(Enumerable.Range(0, 5).Select(_ => (char)('a' + random.Next(26))).ToArray());
}
