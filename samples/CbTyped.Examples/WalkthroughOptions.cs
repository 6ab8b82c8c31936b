namespace CbTyped.Examples;

/// <summary>How the walkthrough runs.</summary>
public sealed record WalkthroughOptions
{
    /// <summary>True against a real server (a profile or --url/--token): every state-changing step is refused unless <see cref="AllowChanges"/>.</summary>
    public bool IsRealServer { get; init; }

    /// <summary>Lets the walkthrough ban, isolate, create and move things on a real server.</summary>
    public bool AllowChanges { get; init; }

    /// <summary>Where the downloaded binary is written.</summary>
    public string DownloadDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "cbtyped-examples");

    /// <summary>How long isolation may take before it is a timeout error.</summary>
    public TimeSpan IsolationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often to ask whether the sensor confirmed (null: the SDK's default, one second as cbapi).</summary>
    public TimeSpan? IsolationPollInterval { get; init; }

    /// <summary>The values the document uses.</summary>
    public SeedValues Seed { get; init; } = new();

    /// <summary>True when state-changing steps may run.</summary>
    public bool MayChangeState => !IsRealServer || AllowChanges;
}

/// <summary>The hashes, hosts and names the document's examples use.</summary>
public sealed record SeedValues
{
    public string BinaryMd5 { get; init; } = "7FB55F5A62E78AF9B58D08AAEEAEF848";
    public string IsolationHostname { get; init; } = "HOSTNAME";
    public string ProcessQuery { get; init; } = "process_name:net.exe";
    public string CmdlineQuery { get; init; } = @"cmdline:\\test\blah";
    public string WatchlistName { get; init; } = "[WARN] Attempts to mount internal share";
    public string SensorHostname { get; init; } = "WIN-IA9NQ1GN8OI";
    public string NewGroupName { get; init; } = "Critical Endpoints";
}
