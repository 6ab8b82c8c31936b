using System.Text;
using CbTyped.Cli.Output;

namespace CbTyped.Cli.Commands;

/// <summary>
/// Writes one profile of a cbapi credentials file (INI: <c>[profile]</c>, <c>key = value</c>), keeping every other
/// section, key and comment as it was. Hand-written because the runtime's INI reader is read-only and internal, and
/// rewriting through a general INI library would drop the comments a person put in the file.
/// </summary>
internal static class CredentialsFile
{
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify), ".carbonblack", "credentials.response");

    /// <summary>Sets <paramref name="values"/> in <paramref name="profile"/> and writes the file with owner-only permissions (0600).</summary>
    public static void WriteProfile(string path, string profile, IReadOnlyList<(string Key, string Value)> values)
    {
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : [];
        Update(lines, profile, values);
        WritePrivately(path, string.Join('\n', lines) + "\n");
    }

    internal static void Update(List<string> lines, string profile, IReadOnlyList<(string Key, string Value)> values)
    {
        var start = lines.FindIndex(l => l.Trim() == "[" + profile + "]");
        if (start < 0)
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
                lines.Add("");
            lines.Add("[" + profile + "]");
            lines.AddRange(values.Select(v => v.Key + " = " + v.Value));
            return;
        }
        var end = lines.FindIndex(start + 1, l => l.TrimStart().StartsWith('['));
        if (end < 0)
            end = lines.Count;
        var missing = new List<(string Key, string Value)>();
        foreach (var (key, value) in values)
        {
            var at = lines.FindIndex(start + 1, end - start - 1, l => KeyOf(l) == key);
            if (at >= 0)
                lines[at] = key + " = " + value;
            else
                missing.Add((key, value));
        }
        // New keys go after the section's last non-blank line.
        var insertAt = end;
        while (insertAt > start + 1 && lines[insertAt - 1].Trim().Length == 0)
            insertAt--;
        lines.InsertRange(insertAt, missing.Select(v => v.Key + " = " + v.Value));
    }

    private static string? KeyOf(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is '#' or ';' || char.IsWhiteSpace(line[0]))
            return null;
        var separator = trimmed.IndexOfAny(['=', ':']);
        return separator < 0 ? null : trimmed[..separator].Trim().ToLowerInvariant();
    }

    // The file holds an API token: create it 0600 (directory 0700) and replace it atomically, so it is never
    // readable by others, not even for a moment, and a crash cannot leave half a file.
    private static void WritePrivately(string path, string text)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(directory);
            else
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        using (var writer = AtomicFileWriter.Create(path, overwrite: true, UnixFileMode.UserRead | UnixFileMode.UserWrite))
        {
            writer.Stream.Write(Encoding.UTF8.GetBytes(text));
            writer.Commit();
        }
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
