using CbTyped.Emulator;
using CbTyped.Packaging.Tests.Infrastructure;

namespace CbTyped.Packaging.Tests;

/// <summary>
/// samples/CustomModel, a project outside the solution, restores CbTyped from the local feed (not a project reference),
/// declares its own models in spec files (a join to the built-in Sensor, an operation answered by a built-in model, a
/// child list under the built-in Sensor), and runs against the emulator.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public sealed class CustomModelTests(PackedPackage package)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static string SampleDirectory => RepositoryPaths.Combine("samples", "CustomModel");

    [Fact]
    public async Task The_sample_builds_from_the_packed_package_and_its_own_model_joins_the_built_in_Sensor()
    {
        var build = await DotNetCli.RunAsync(SampleDirectory,
            ["build", "-c", "Release", "-p:CbTypedVersion=" + package.Version, "-nodeReuse:false"], BuildTimeout);
        build.EnsureSuccess("dotnet build samples/CustomModel");

        // The package came from the local feed at exactly this version; no project reference is involved.
        var assets = File.ReadAllText(Path.Combine(SampleDirectory, "obj", "project.assets.json"));
        Assert.Contains($"\"CbTyped/{package.Version}\"", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);

        // The editor schema the spec's first line points at (../obj/cbtyped-spec.schema.json) was copied from the package.
        var spec = File.ReadAllText(Path.Combine(SampleDirectory, "specs", "SensorCheckin.model.yaml"));
        Assert.StartsWith("# yaml-language-server: $schema=../obj/cbtyped-spec.schema.json\n", spec, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine("docs", "cbtyped-spec.schema.json")),
            File.ReadAllText(Path.Combine(SampleDirectory, "obj", "cbtyped-spec.schema.json")));

        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Token = "custom-model-token" });
        var run = await DotNetCli.RunAsync(SampleDirectory,
            [Path.Combine(SampleDirectory, "bin", "Release", "net10.0", "CustomModel.dll"),
             "--url", emulator.BaseUrl.ToString(), "--token", "custom-model-token"],
            TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Matches(@"(?m)^OK: \d+ sensors; sensor 1 is WIN7-HYPERV-2 \(Windows 7", run.Output);
        Assert.Contains(emulator.RequestLog.Entries, e => e.Method == "GET" && e.Path == "/api/v1/sensor");
        Assert.Contains(emulator.RequestLog.Entries, e => e.Method == "GET" && e.Path == "/api/v1/sensor/1");
        // The spec's own operation (answered by the built-in SensorStatistics) and its child list under the built-in Sensor.
        Assert.Contains(emulator.RequestLog.Entries, e => e.Method == "GET" && e.Path == "/api/v1/sensor/statistics");
        Assert.Contains(emulator.RequestLog.Entries, e => e.Method == "GET" && e.Path == "/api/v1/sensor/1/activity");
        Assert.Matches(@"(?m)^activity of sensor 1: 1 entries, last checkin at \d{4}-", run.Output);
    }

    [Fact]
    public async Task A_compiler_older_than_the_analyzer_slot_is_a_clear_build_error()
    {
        var build = await DotNetCli.RunAsync(SampleDirectory,
            ["build", "-c", "Release", "-p:CbTypedVersion=" + package.Version, "-p:CompilerApiVersion=roslyn4.7", "-nodeReuse:false"],
            BuildTimeout);

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error CBT1000: CbTyped needs the Roslyn 4.8 C# compiler or later", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("error CS", build.Output, StringComparison.Ordinal);
    }
}
