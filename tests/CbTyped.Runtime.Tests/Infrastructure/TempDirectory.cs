namespace CbTyped.Runtime.Tests.Infrastructure;

/// <summary>A fresh directory removed at the end of a test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cbtyped-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes a file with mode 0600 unless <paramref name="mode"/> says otherwise.</summary>
    public string Write(string name, string text, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, mode);
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
