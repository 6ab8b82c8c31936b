namespace CbTyped.Response;

/// <summary>The sensor installers a group offers (<c>GET /api/v1/group/{id}/installer/{kind}</c>).</summary>
public enum SensorInstallerKind
{
    /// <summary><c>windows/exe</c> (a zip holding the installer).</summary>
    WindowsExe,

    /// <summary><c>windows/msi</c>.</summary>
    WindowsMsi,

    /// <summary><c>osx</c>.</summary>
    Osx,

    /// <summary><c>linux</c> (a tar.gz).</summary>
    Linux,
}
