namespace CbTyped;

/// <summary>
/// The server's version has no route for an operation (e.g. storage partitions before 6.0): raised before any request
/// is sent, naming the operation, the server's version and the versions that support it.
/// </summary>
public sealed class CbUnsupportedServerException : CbApiException
{
    /// <summary>Creates the error for one operation and server version.</summary>
    public CbUnsupportedServerException(string operation, string serverVersion, string supportedVersions)
        : base($"{operation} is not supported by Cb Response server version {serverVersion}: it needs {supportedVersions}.")
    {
        Operation = operation;
        ServerVersion = serverVersion;
        SupportedVersions = supportedVersions;
    }

    /// <summary>The operation, e.g. <c>StoragePartition.ListAsync</c>.</summary>
    public string Operation { get; }

    /// <summary>The server's version as <c>/api/info</c> sent it.</summary>
    public string ServerVersion { get; }

    /// <summary>The versions the operation's routes apply to, e.g. <c>version 6.0 or newer</c>.</summary>
    public string SupportedVersions { get; }
}
