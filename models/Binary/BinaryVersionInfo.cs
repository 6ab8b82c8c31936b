namespace CbTyped.Response;

/// <summary>A binary's version resource.</summary>
public sealed record BinaryVersionInfo(
    string? FileDescription, string? FileVersion, string? ProductName, string? ProductVersion, string? CompanyName,
    string? LegalCopyright, string? OriginalFilename);
