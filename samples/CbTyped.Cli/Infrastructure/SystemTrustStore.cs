using System.Runtime.InteropServices;

namespace CbTyped.Cli.Infrastructure;

/// <summary>
/// Keeps cbtyped from reading the system's trusted certificates when they cannot matter: verification is off, or a CA
/// file (cbapi's <c>ssl_cert_file</c>) is the whole trust store.
/// </summary>
/// <remarks>
/// On Linux, .NET verifies a server certificate with OpenSSL and, before the first chain it builds in a process, reads
/// the whole system store — every certificate of OpenSSL's default file and directory (on Debian
/// <c>/etc/ssl/certs/ca-certificates.crt</c> and each file of <c>/etc/ssl/certs</c>: about 60 ms, most of a Native-AOT
/// <c>server info</c> over https). It does so even when the connection's own policy then ignores that store
/// (<c>CustomRootTrust</c>, or a validation callback that accepts anything), and .NET has no setting to skip it. The
/// store's location comes from OpenSSL's <c>SSL_CERT_FILE</c>/<c>SSL_CERT_DIR</c> environment variables, read from the
/// native environment when the store is first needed, so setting both empty before the first handshake leaves nothing
/// to read. That changes every chain the process builds afterwards, which only an application that owns its process may
/// do: cbtyped, which talks to one server per run (the SDK library never does it). Never done when verification uses
/// the system store (the default); done even when the user set either variable, since neither can matter then.
/// </remarks>
internal static partial class SystemTrustStore
{
    private static bool s_processWide;

    /// <summary>Called once by cbtyped's entry point: this process is cbtyped's own (in-process tests never call it).</summary>
    public static void AllowProcessWideChange() => s_processWide = true;

    /// <summary>Why the system store is not needed for this connection, or null when it is (or nothing may change).</summary>
    internal static string? Reason(bool verifyServerCertificate, string? caCertificateFile)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        if (!verifyServerCertificate)
            return "certificate verification is off";
        return caCertificateFile is null ? null : $"the CA file {caCertificateFile} is the only trust";
    }

    /// <summary>Before the first request: leaves OpenSSL no system store to read when <see cref="Reason"/> says so.</summary>
    /// <param name="verifyServerCertificate">The connection verifies the server's certificate.</param>
    /// <param name="caCertificateFile">The CA file that replaces the system store, or null.</param>
    /// <param name="log">cbtyped's <c>--verbose</c> lines, or null.</param>
    public static void SkipWhenUnused(bool verifyServerCertificate, string? caCertificateFile, Action<string>? log)
    {
        if (!s_processWide || Reason(verifyServerCertificate, caCertificateFile) is not { } reason)
            return;
        // .NET's Environment.SetEnvironmentVariable only changes its own copy on Unix; OpenSSL reads the C library's.
        if (SetEnv("SSL_CERT_FILE", "", 1) != 0 || SetEnv("SSL_CERT_DIR", "", 1) != 0)
            return;
        log?.Invoke($"TLS: the system trust store is not read ({reason})");
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
