namespace CbTyped.Emulator.Json;

/// <summary>A tiny default icon (1×1 transparent PNG), what the server sends when a binary has none.</summary>
internal static class Icons
{
    public const string SmallPngBase64 =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    public static byte[] SmallPng { get; } = Convert.FromBase64String(SmallPngBase64);
}
