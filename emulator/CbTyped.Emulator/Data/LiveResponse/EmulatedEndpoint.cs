using System.Text;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>
/// What Live Response sees of one sensor: its file system, processes and registry. Created on the sensor's first
/// session from the contract's seed (docs/emulator.md, "Live Response"); changes last as long as the emulator.
/// </summary>
internal sealed class EmulatedEndpoint
{
    private const string UserName = "WIN-IA9NQ1GN8OI\\bit9rad";
    private const string UserSid = "s-1-5-21-2945003389-1357524245-2296548839-1000";

    private EmulatedEndpoint(int sensorId, bool isWindows)
    {
        SensorId = sensorId;
        IsWindows = isWindows;
        WorkingDirectory = isWindows ? ["c:", "windows", "system32"] : [];
    }

    public int SensorId { get; }

    public bool IsWindows { get; }

    /// <summary>The session's <c>current_working_directory</c> as segments; relative paths start here.</summary>
    public IReadOnlyList<string> WorkingDirectory { get; }

    public string WorkingDirectoryText => IsWindows ? "c:\\windows\\system32" : "/";

    public IReadOnlyList<string> Drives => IsWindows ? ["c:\\"] : ["/"];

    public EmulatedFileSystem Files { get; } = new();

    /// <summary>Running processes in pid order of creation.</summary>
    public List<EmulatedProcess> Processes { get; } = [];

    public EmulatedRegistry Registry { get; } = new();

    /// <summary>The pid the next <c>create process</c> gets.</summary>
    public int NextPid { get; set; } = 6000;

    public List<string> Path(string path) => EmulatedPath.Split(path, WorkingDirectory);

    public string PathText(IReadOnlyList<string> segments) => EmulatedPath.Join(segments, IsWindows);

    /// <summary>
    /// The seed is fixed (not drawn from the data set) so tests can rely on it; times are relative to the data
    /// set's "now" and the sensor's uptime, so they are the same on every run.
    /// </summary>
    public static EmulatedEndpoint Create(SensorRecord sensor)
    {
        var endpoint = new EmulatedEndpoint(sensor.Id, sensor.OsType == 1);
        var bootTime = EmulatorState.Epoch.ToUnixTimeSeconds() - sensor.Uptime;
        if (endpoint.IsWindows)
        {
            SeedWindows(endpoint, bootTime);
        }
        else
        {
            endpoint.Files.EnsureDirectory("/tmp", bootTime);
            endpoint.Processes.Add(new EmulatedProcess(1, 0, "", EmulatedProcess.Guid(sensor.Id, 1, bootTime), "/sbin/init", "/sbin/init", "root", "0", bootTime));
        }

        return endpoint;
    }

    private static void SeedWindows(EmulatedEndpoint endpoint, long bootTime)
    {
        var installTime = bootTime - 200 * 86_400;
        var files = endpoint.Files;
        files.EnsureDirectory("c:\\windows\\temp", installTime);
        var etc = files.EnsureDirectory("c:\\windows\\system32\\drivers\\etc", installTime);
        var publicDirectory = files.EnsureDirectory("c:\\users\\public", installTime);
        // Windows' compatibility junction that points back at its own parent: a walk that follows links loops.
        EmulatedFileSystem.AddJunction(files.EnsureDirectory("c:\\programdata", installTime), "Application Data", installTime);
        EmulatedFileSystem.WriteFile(etc, "hosts", Encoding.ASCII.GetBytes("127.0.0.1 localhost\r\n"), installTime);
        EmulatedFileSystem.WriteFile(publicDirectory, "readme.txt", Encoding.ASCII.GetBytes("hello from the emulator"), installTime + 3_600);

        var sensorId = endpoint.SensorId;
        var kernelGuid = EmulatedProcess.Guid(sensorId, 4, bootTime);
        var explorerTime = bootTime + 60;
        var explorerGuid = EmulatedProcess.Guid(sensorId, 2888, explorerTime);
        var shellTime = bootTime + 3_600;
        endpoint.Processes.Add(new EmulatedProcess(4, 0, "", kernelGuid, "c:\\windows\\system32\\ntoskrnl.exe", "", "SYSTEM", "s-1-5-18", bootTime));
        endpoint.Processes.Add(new EmulatedProcess(2888, 4, kernelGuid, explorerGuid, "c:\\windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", UserName, UserSid, explorerTime));
        endpoint.Processes.Add(new EmulatedProcess(5012, 2888, explorerGuid, EmulatedProcess.Guid(sensorId, 5012, shellTime),
            "c:\\windows\\system32\\cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\"", UserName, UserSid, shellTime));

        var registry = endpoint.Registry;
        registry.Create(["HKLM", "SYSTEM"]);
        var cbTyped = registry.Create(["HKLM", "SOFTWARE", "CbTyped"])!;
        cbTyped.Values["Version"] = new EmulatedRegistry.RegistryValue("Version", "REG_SZ", JsonValue.Create("1.0"));
        cbTyped.Values["Count"] = new EmulatedRegistry.RegistryValue("Count", "REG_DWORD", JsonValue.Create(3));
        registry.Create(["HKLM", "SOFTWARE", "CbTyped", "Sub"]);
    }
}
