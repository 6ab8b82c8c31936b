using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CbTyped.Emulator.Data;

/// <summary>An executable or DLL the data set uses: where it lives and who signed it.</summary>
internal sealed record ImageInfo(
    string Path,
    string Md5,
    string Company,
    string Product,
    string Description,
    string Version,
    string DigsigResult,
    DateTime? SignTime)
{
    public string FileName { get; } = Path[(Path.LastIndexOf('\\') + 1)..];

    /// <summary>The lower-case file name, as process documents carry it (computed once: the generator uses it a lot).</summary>
    public string ProcessName { get; } = Path[(Path.LastIndexOf('\\') + 1)..].ToLowerInvariant();

    /// <summary>The lower-case MD5, as process documents and events carry it.</summary>
    public string Md5Lower { get; } = Md5.ToLowerInvariant();
}
