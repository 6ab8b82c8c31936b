namespace CbTyped.Packaging.Tests.Infrastructure;

/// <summary>Where things are in the repository this test was built from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The local folder feed the package is packed into (samples/CustomModel/nuget.config points here).</summary>
    public static string PackageFeed => Path.Combine(Root, "artifacts", "packages");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CbTyped.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("CbTyped.sln not found above " + AppContext.BaseDirectory);
    }
}
