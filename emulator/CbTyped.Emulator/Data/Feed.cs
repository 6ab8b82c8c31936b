namespace CbTyped.Emulator.Data;

/// <summary>A threat-intelligence feed.</summary>
internal sealed class Feed
{
    public required int Id { get; init; }

    public required string Name { get; set; }

    public required string DisplayName { get; set; }

    public required string FeedUrl { get; set; }

    public bool Enabled { get; set; } = true;

    public bool ManuallyAdded { get; set; }

    public string ProviderUrl { get; set; } = "";

    public string Summary { get; set; } = "";

    public string TechData { get; set; } = "";

    public double ProviderRating { get; set; } = 3.0;

    public double? LocalRating { get; set; }

    public string? Category { get; set; }

    public bool? UseProxy { get; set; }

    public bool? ValidateServerCert { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string? SslClientCrt { get; set; }

    public string? SslClientKey { get; set; }

    public DateTimeOffset? LastSync { get; set; }

    public List<ActionRecord> Actions { get; } = [];
}
