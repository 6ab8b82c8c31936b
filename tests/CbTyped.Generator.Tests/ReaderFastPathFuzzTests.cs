using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CbTyped.Generator.Tests.Harness;
using CbTyped.Tests.Golden;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// Random process documents read two ways must agree: as generated (separators, spacing, order, unknown members and
/// escapes chosen at random, so the reader's expected-member patterns match some members and not others) and
/// re-written indented, which no pattern matches, so every member takes the general member read.
/// </summary>
public class ReaderFastPathFuzzTests
{
    private static readonly string[] Separators = [", ", ",", " , ", ",\n  ", ",\t"];
    private static readonly string[] Colons = [": ", ":", " : ", ":\n"];

    [Fact]
    public void Random_documents_read_the_same_through_the_fast_and_the_general_path()
    {
        var random = new Random(28_11_2026);
        for (int i = 0; i < 400; i++)
        {
            var members = RandomMembers(random);
            string generated = Write(members, random);
            string indented = JsonNode.Parse(generated)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

            Process fast = ModelJson.Load<Process>(generated);
            Process general = ModelJson.Load<Process>(indented);

            AssertSameValues(general, fast, generated);
        }
    }

    private static void AssertSameValues(Process expected, Process actual, string json)
    {
        string because = "document: " + json;
        Assert.True(Same(expected.Id, actual.Id), because);
        Assert.True(Same(expected.SegmentId, actual.SegmentId), because);
        Assert.True(Same(expected.UniqueId, actual.UniqueId), because);
        Assert.True(Same(expected.ParentUniqueId, actual.ParentUniqueId), because);
        Assert.True(Same(expected.SensorId, actual.SensorId), because);
        Assert.True(Same(expected.ProcessName, actual.ProcessName), because);
        Assert.True(Same(expected.ProcessPath, actual.ProcessPath), because);
        Assert.True(Same(expected.Cmdline, actual.Cmdline), because);
        Assert.True(Same(expected.Hostname, actual.Hostname), because);
        Assert.True(Same(expected.Start, actual.Start), because);
        Assert.True(Same(expected.LastUpdate, actual.LastUpdate), because);
        Assert.True(Same(expected.ProcessPid, actual.ProcessPid), because);
        Assert.True(Same(expected.Terminated, actual.Terminated), because);
        Assert.True(Same(expected.CommsIp, actual.CommsIp), because);
        Assert.Equal(expected.Watchlists?.Select(w => (w.Wid, w.Value)), actual.Watchlists?.Select(w => (w.Wid, w.Value)));
        Assert.Equal(expected.GetUnknownFields().Select(p => p.Key), actual.GetUnknownFields().Select(p => p.Key));
        Assert.False(actual.IsDirty, because);
    }

    private static bool Same<T>(T expected, T actual) => EqualityComparer<T>.Default.Equals(expected, actual);

    /// <summary>The spec's fields in order, now and then swapped, dropped, or preceded by an unknown member.</summary>
    private static List<(string Name, string Value)> RandomMembers(Random random)
    {
        var known = new List<(string Name, string Value)>
        {
            ("id", Text(random)),
            ("segment_id", random.NextInt64(-5, long.MaxValue).ToString(CultureInfo.InvariantCulture)),
            ("unique_id", Text(random)),
            ("parent_unique_id", Text(random)),
            ("sensor_id", random.Next(0, 5) == 0 ? "\"" + random.Next(1, 99) + "\"" : random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture)),
            ("process_name", Text(random)),
            ("path", Text(random)),
            ("cmdline", Text(random)),
            ("hostname", Text(random)),
            ("start", Date(random)),
            ("last_update", Date(random)),
            ("process_pid", random.Next(0, 4) == 0 ? "null" : random.Next(-1, 70000).ToString(CultureInfo.InvariantCulture)),
            ("terminated", random.Next(0, 2) == 0 ? "true" : "false"),
            ("comms_ip", random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture)),
            ("watchlists", $"[{{\"wid\": {Text(random)}, \"value\": {Date(random)}}}]"),
        };

        var members = new List<(string Name, string Value)>();
        foreach (var member in known)
        {
            switch (random.Next(0, 12))
            {
                case 0:
                    continue; // absent
                case 1:
                    // An unknown member first, named like the known one with a letter more or less.
                    string near = random.Next(0, 2) == 0 ? member.Name + "x" : member.Name[..^1];
                    members.Add((near, Text(random)));
                    if (random.Next(0, 2) == 0)
                    {
                        continue; // and the known member itself absent
                    }

                    break;
            }

            members.Add(member);
        }

        if (members.Count > 2 && random.Next(0, 4) == 0)
        {
            int at = random.Next(0, members.Count - 1);
            (members[at], members[at + 1]) = (members[at + 1], members[at]);
        }

        return members;
    }

    private static string Write(List<(string Name, string Value)> members, Random random)
    {
        var json = new StringBuilder("{");
        for (int i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                json.Append(Separators[random.Next(Separators.Length)]);
            }

            json.Append('"').Append(members[i].Name).Append('"').Append(Colons[random.Next(Colons.Length)]).Append(members[i].Value);
        }

        return json.Append('}').ToString();
    }

    /// <summary>A JSON string: ASCII, escapes (quotes, backslashes, \u), non-ASCII text, or empty.</summary>
    private static string Text(Random random)
    {
        const string Alphabet = "abcXYZ019 ._-:\\\"/é€\u2028\t";
        int length = random.Next(0, 40);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        // Either every non-ASCII character \u-escaped, or raw UTF-8 with only what JSON requires escaped.
        return JsonSerializer.Serialize(text.ToString(), random.Next(0, 2) == 0 ? Escaped : Raw);
    }

    private static readonly JsonSerializerOptions Escaped = new();

    private static readonly JsonSerializerOptions Raw = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Date(Random random)
    {
        var instant = new DateTime(2010, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(random.NextInt64(0, TimeSpan.TicksPerDay * 365 * 15));
        string text = random.Next(0, 4) switch
        {
            0 => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            1 => instant.ToString("yyyy-MM-dd'T'HH:mm:ss." + new string('f', random.Next(1, 8)) + "'Z'", CultureInfo.InvariantCulture),
            2 => instant.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "-07:00",
            _ => instant.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        };
        return "\"" + text + "\"";
    }
}
