namespace CbTyped.Packaging.Tests.Infrastructure;

/// <summary>A nuget.config for a project outside the repository: CbTyped* only from the local feed, the rest from nuget.org.</summary>
internal static class NuGetConfigFile
{
    public static string Write(string directory)
    {
        var path = Path.Combine(directory, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="cbtyped-local" value="{RepositoryPaths.PackageFeed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="cbtyped-local">
                  <package pattern="CbTyped" />
                  <package pattern="CbTyped.*" />
                </packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        return path;
    }
}
