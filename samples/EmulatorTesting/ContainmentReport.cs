namespace Contoso.Containment;

/// <summary>What one containment run did.</summary>
public sealed record ContainmentReport(
    IReadOnlyList<string> Banned,
    IReadOnlyList<string> AlreadyBanned,
    IReadOnlyList<int> Isolated,
    IReadOnlyList<int> NotConfirmed);
