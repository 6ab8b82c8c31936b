namespace CbTyped.Response;

/// <summary>A binary's signature (from the <c>digsig_*</c> fields).</summary>
public sealed record BinarySigningData(
    BinarySignatureResult? Result, string? Publisher, string? Issuer, string? Subject, DateTimeOffset? SignTime, string? ProgramName);
