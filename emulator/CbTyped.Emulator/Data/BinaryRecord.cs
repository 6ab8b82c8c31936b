namespace CbTyped.Emulator.Data;

/// <summary>A binary the server has collected (module store + Solr binary core).</summary>
internal sealed class BinaryRecord
{
    /// <summary>Upper-case MD5, the binary's key.</summary>
    public required string Md5 { get; init; }

    public required string OriginalFilename { get; init; }

    /// <summary>Full paths it was seen at (observed_filename).</summary>
    public required IReadOnlyList<string> ObservedFilenames { get; init; }

    /// <summary>Size of the file; the download streams exactly this many bytes.</summary>
    public required long Size { get; init; }

    public string CompanyName { get; init; } = "";

    public string ProductName { get; init; } = "";

    public string ProductVersion { get; init; } = "";

    public string FileVersion { get; init; } = "";

    public string FileDescription { get; init; } = "";

    public string InternalName { get; init; } = "";

    public string LegalCopyright { get; init; } = "";

    public bool IsExecutableImage { get; init; } = true;

    public bool Is64Bit { get; init; } = true;

    public string OsType { get; init; } = "Windows";

    /// <summary>One of the eight digsig_result values.</summary>
    public string DigsigResult { get; init; } = "Unsigned";

    public string? DigsigPublisher { get; init; }

    public string? DigsigIssuer { get; init; }

    public string? DigsigSubject { get; init; }

    public string? DigsigProgramName { get; init; }

    public DateTime? DigsigSignTime { get; init; }

    public required DateTime ServerAdded { get; init; }

    public required DateTime LastSeen { get; init; }

    /// <summary>Where it ran: "hostname|sensor_id" items, and the groups of those hosts.</summary>
    public required IReadOnlyList<(string Hostname, int SensorId)> Endpoints { get; init; }

    /// <summary>Seed of the generated file content (deterministic bytes starting with "MZ").</summary>
    public int ContentSeed { get; init; }

    public int HostCount => Endpoints.Count;

    public bool IsSigned => DigsigResult == "Signed";
}
