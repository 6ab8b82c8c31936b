using System.Globalization;
using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary>Where downloads go: a name the server sent is only ever a file name inside the folder the user chose.</summary>
internal static class LocalFiles
{
    /// <summary>
    /// The file for <paramref name="suggestedName"/> under <paramref name="path"/> when that is a folder (the name reduced
    /// to its last part, Windows or Unix separators alike, <paramref name="fallbackName"/> when nothing usable is left),
    /// else <paramref name="path"/> itself.
    /// </summary>
    public static string Target(string path, string? suggestedName, string fallbackName)
    {
        if (!Directory.Exists(path))
            return path;
        var name = Path.GetFileName((suggestedName ?? string.Empty).Replace('\\', '/'));
        if (name.Length == 0 || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            name = fallbackName;
        return Path.Combine(path, name);
    }

    /// <summary>
    /// Writes <paramref name="target"/> through a temporary file beside it that <paramref name="write"/> fills, then
    /// moves it into place: a cancelled or failed download never leaves a partial file under the real name.
    /// </summary>
    public static void WriteAtomically(CbCmdlet cmdlet, string target, bool overwrite, string activity, long? expectedBytes,
        Func<Stream, CancellationToken, Task> write)
    {
        if (File.Exists(target) && !overwrite)
            throw new IOException($"'{target}' exists; -Force overwrites it.");
        var temporary = target + "." + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8] + ".partial";
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var counting = new ProgressStream(file);
                var progress = new ProgressRecord(CbCmdlet.NewActivityId(), activity, target);
                cmdlet.Await(ct => write(counting, ct), () =>
                {
                    var done = counting.Written;
                    progress.StatusDescription = $"{target}: {done:N0} bytes";
                    if (expectedBytes is > 0 and var total)
                        progress.PercentComplete = (int)Math.Clamp(done * 100 / total, 0, 100);
                    return progress;
                });
            }
            File.Move(temporary, target, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
