using CbTyped.Emulator;

namespace CbTyped.Examples;

/// <summary>The emulator the walkthrough starts when no server is given.</summary>
public static class EmbeddedEmulator
{
    /// <summary>
    /// A 5.2 server on loopback: the document was recorded against one (its event URLs are <c>/api/v3/…/1/event</c>
    /// and its sensor groups live under <c>/api/group</c>), so the output and the HTTP log match the document.
    /// </summary>
    public static CbEmulatorOptions Options() => new()
    {
        ServerVersion = "5.2.0.161004.1202",
    };
}
