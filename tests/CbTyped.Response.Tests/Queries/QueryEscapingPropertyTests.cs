using System.Globalization;
using System.Text;
using CbTyped.Emulator;
using CbTyped.Modeling;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.Queries;

/// <summary>
/// Typed <c>Is()</c> and <c>Like()</c> through the emulator over HTTP: random values (every ASCII punctuation
/// character, spaces, backslashes, unicode, a leading '-', the operator words) are stored in the alerts'
/// <c>assigned_to</c> keyword field, and a query for a value matches exactly the alerts holding it. The seed is
/// fixed (override it with CBTYPED_QUERY_SEED) and is part of every failure message.
/// </summary>
public sealed class QueryEscapingPropertyTests
{
    private const int Rounds = 120;
    private const string Punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static readonly string[] Words = ["AND", "OR", "NOT", "and", "or", "&&", "||", "TO", "*", "?", "*:*", "\\", "-", "\"", "[a", "ne?.exe"];
    private static readonly string[] Unicode = ["é", "ß", "Ж", "中", "İ", "\u00A0", "😀", "ü", "Ω"];

    [Fact]
    public async Task IsAndLikeMatchExactlyTheAlertsHoldingTheValue()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("CBTYPED_QUERY_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 20261202;
        var random = new Random(seed);
        await using var session = await EmulatorSession.StartAsync();
        var client = session.Client;
        var alerts = await client.Select<Alert>().ToListAsync();
        Assert.True(alerts.Count >= 3, "the seed data has three alerts");

        for (int round = 0; round < Rounds; round++)
        {
            var values = new string[alerts.Count];
            values[0] = RandomValue(random);
            for (int i = 1; i < values.Length; i++)
            {
                do
                {
                    values[i] = random.Next(3) == 0 ? RandomValue(random) : Mutate(values[random.Next(i)], random);
                }
                while (!IsStorable(values[i]));
            }

            for (int i = 0; i < alerts.Count; i++)
            {
                await alerts[i].AssignAsync(values[i]);
            }

            var probes = values.Concat(values.Select(v => Mutate(v, random))).Where(IsStorable).Distinct(StringComparer.Ordinal).ToList();
            foreach (var probe in probes)
            {
                var term = Alert.Fields.AssignedTo.Is(probe);
                var expected = Ids(alerts, values, v => Lower(v) == Lower(probe));
                Assert.True(expected.SequenceEqual(await FoundAsync(client, term)), Describe(seed, round, "Is", probe, term, values));
            }

            var pattern = ToPattern(values[random.Next(values.Length)], random);
            var like = Alert.Fields.AssignedTo.Like(pattern);
            var matching = Ids(alerts, values, v => Glob(Lower(pattern), Lower(v)));
            Assert.True(matching.SequenceEqual(await FoundAsync(client, like)), Describe(seed, round, "Like", pattern, like, values));
        }
    }

    [Fact]
    public async Task TheReportedCasesMatchOnlyTheirOwnValue()
    {
        await using var session = await EmulatorSession.StartAsync();
        var alerts = await session.Client.Select<Alert>().ToListAsync();
        string[] values = ["net.exe", "[a", @"trailing slash\"];
        for (int i = 0; i < values.Length; i++)
        {
            await alerts[i].AssignAsync(values[i]);
        }

        Assert.Equal([alerts[0].UniqueId], await FoundAsync(session.Client, Alert.Fields.AssignedTo.Is("net.exe")));
        Assert.Empty(await FoundAsync(session.Client, Alert.Fields.AssignedTo.Is("ne?.exe")));
        Assert.Empty(await FoundAsync(session.Client, Alert.Fields.AssignedTo.Is("ne*")));
        Assert.Equal([alerts[0].UniqueId], await FoundAsync(session.Client, Alert.Fields.AssignedTo.Like("ne?.exe")));
        Assert.Equal([alerts[1].UniqueId], await FoundAsync(session.Client, Alert.Fields.AssignedTo.Is("[a")));
        Assert.Equal([alerts[2].UniqueId], await FoundAsync(session.Client, Alert.Fields.AssignedTo.Is(@"trailing slash\")));
        Assert.Equal([alerts[2].UniqueId], await FoundAsync(session.Client, Alert.Fields.AssignedTo.Is(@"trailing slash\") | Alert.Fields.AssignedTo.Is("none")));
        Assert.Equal([alerts[2].UniqueId], await FoundAsync(session.Client, Alert.Fields.AssignedTo.StartsWith("trailing sl")));
    }

    [Fact]
    public async Task LikeKeepsWildcardsInAPathWithSpacesAndParentheses()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { Processes = 300 });
        var all = await session.Client.Select<Process>().ToListAsync();
        foreach (var prefix in new[] { @"c:\program files\", @"c:\program files (x86)\" })
        {
            var expected = all.Where(p => p.Path?.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) == true)
                .Select(p => p.UniqueId).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            var found = await session.Client.Select<Process>().Where(Process.Fields.Path.Like(prefix + "*")).ToListAsync();
            Assert.Equal(expected, found.Select(p => p.UniqueId).Order(StringComparer.Ordinal));
        }
    }

    private static async Task<List<string?>> FoundAsync(CbResponseClient client, CbQueryTerm term) =>
        [.. (await client.Select<Alert>().Where(term).ToListAsync()).Select(a => a.UniqueId).Order(StringComparer.Ordinal)];

    private static List<string?> Ids(List<Alert> alerts, string[] values, Func<string, bool> match) =>
        [.. Enumerable.Range(0, alerts.Count).Where(i => match(values[i])).Select(i => alerts[i].UniqueId).Order(StringComparer.Ordinal)];

    private static string Lower(string value) => value.ToLowerInvariant();

    private static string Describe(int seed, int round, string method, string value, CbQueryTerm term, string[] values) =>
        $"seed {seed} (CBTYPED_QUERY_SEED), round {round}: {method}({Show(value)}) sent q={Show(term.ToString())}; stored {string.Join(", ", values.Select(Show))}";

    private static string Show(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            text.Append(c is < ' ' or '\u00A0' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Append('"').ToString();
    }

    // The assign call needs a value with something other than whitespace in it.
    private static bool IsStorable(string value) => !string.IsNullOrWhiteSpace(value);

    private static string RandomValue(Random random)
    {
        string value;
        do
        {
            var text = new StringBuilder();
            int parts = random.Next(1, 6);
            for (int i = 0; i < parts; i++)
            {
                text.Append(random.Next(7) switch
                {
                    0 => Words[random.Next(Words.Length)],
                    1 => Unicode[random.Next(Unicode.Length)],
                    2 => random.Next(4) == 0 ? "\t" : " ",
                    3 or 4 => Punctuation[random.Next(Punctuation.Length)].ToString(),
                    5 => new string('\\', random.Next(1, 4)),
                    _ => RandomWord(random),
                });
            }

            value = text.ToString();
        }
        while (!IsStorable(value));

        return value;
    }

    private static string RandomWord(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.";
        var word = new char[random.Next(1, 6)];
        for (int i = 0; i < word.Length; i++)
        {
            word[i] = letters[random.Next(letters.Length)];
        }

        return new string(word);
    }

    // A near miss, or the same value again: what must (or must not) match the original.
    private static string Mutate(string value, Random random)
    {
        int at = SafeIndex(value, random);
        return random.Next(10) switch
        {
            0 => value,
            1 => value.ToUpperInvariant(),
            2 => value[..at] + "?" + value[(at + 1)..],
            3 => value[..at] + "*" + value[at..],
            4 => value + "\\",
            5 => "-" + value,
            6 => value[..at] + (random.Next(2) == 0 ? "[" : "}") + value[at..],
            7 => value + " AND x",
            8 => at > 0 ? value[..at] : value + "x",
            _ => RandomValue(random),
        };
    }

    // A pattern that matches the value: some characters become '?' and some runs '*'.
    private static string ToPattern(string value, Random random)
    {
        var pattern = new StringBuilder();
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsSurrogate(c))
            {
                pattern.Append(c);
                continue;
            }

            switch (random.Next(8))
            {
                case 0:
                    pattern.Append('?');
                    break;
                case 1:
                    pattern.Append('*');
                    while (i + 1 < value.Length && !char.IsSurrogate(value[i + 1]) && random.Next(2) == 0)
                    {
                        i++;
                    }

                    break;
                default:
                    pattern.Append(c);
                    break;
            }
        }

        return pattern.ToString();
    }

    // An index in the value that does not split a surrogate pair.
    private static int SafeIndex(string value, Random random)
    {
        int at = random.Next(value.Length);
        while (at > 0 && char.IsSurrogate(value[at]))
        {
            at--;
        }

        return char.IsSurrogate(value[at]) ? value.Length : at;
    }

    // '*' any run, '?' one character: the test's own matcher, independent of the emulator's.
    private static bool Glob(string pattern, string text)
    {
        var reachable = new bool[text.Length + 1];
        reachable[0] = true;
        foreach (char p in pattern)
        {
            var next = new bool[text.Length + 1];
            for (int t = 0; t <= text.Length; t++)
            {
                if (!reachable[t])
                {
                    continue;
                }

                if (p == '*')
                {
                    for (int u = t; u <= text.Length; u++)
                    {
                        next[u] = true;
                    }

                    break;
                }

                if (t < text.Length && (p == '?' || p == text[t]))
                {
                    next[t + 1] = true;
                }
            }

            reachable = next;
        }

        return reachable[text.Length];
    }
}
