namespace CbTyped.Response;

/// <summary>A module (DLL) load.</summary>
public sealed record ModLoadEvent : ProcessEvent
{
    /// <summary>The module's MD5 (upper case).</summary>
    public string? Md5 { get; init; }

    /// <summary>The module's path.</summary>
    public string? Path { get; init; }

    /// <summary>The module's SHA-256 (7.x servers).</summary>
    public string? Sha256 { get; init; }

    /// <summary>True when the event document's <c>binaries</c> table says the module is signed; null when it does not say.</summary>
    public bool? IsSigned { get; init; }

    /// <inheritdoc />
    public override string EventType => "modload";

    /// <summary>The module's <see cref="Response.Binary"/> (through the identity cache).</summary>
    public Task<Binary> GetBinaryAsync(CancellationToken cancellationToken = default) =>
        Process.Client is { } client && Md5 is { } md5
            ? client.GetAsync<Binary>(md5, cancellationToken)
            : throw new InvalidOperationException("The event's process is not attached to a client, or the event has no MD5.");
}
