namespace CbTyped.Emulator.Data;

/// <summary>
/// Sensor 4's lsass.exe (the process the mimikatz run opens) and a cmd.exe that tries to stop and delete the
/// Carbon Black sensor: its events carry the sensor's tamper flag (cbapi's <c>tamper_event</c>), one of each kind
/// that has the flag (file, registry, cross-process).
/// </summary>
internal static class TamperScenario
{
    /// <summary>lsass.exe on sensor 4, started at boot; the seed's mimikatz process opens it.</summary>
    public const string LsassGuid = "00000004-0000-0244-01d2-3d83a8ec8a50";

    public const string TamperGuid = "00000004-0000-1a2c-01d2-3e5b450ef580";

    private static readonly DateTime Boot = new(2016, 11, 13, 7, 58, 3, 125, DateTimeKind.Utc);

    public static void Load(EmulatorState state)
    {
        var sensor = state.Sensors[4];
        var lsass = ProcessFactory.Create(sensor, 580, Boot, ImageCatalog.Lsass, @"C:\Windows\system32\lsass.exe", "SYSTEM", null,
            TimeSpan.FromDays(3), SeedScenario.Events(Boot.AddMilliseconds(20), [ImageCatalog.Dlls[0], ImageCatalog.Dlls[1], ImageCatalog.Dlls[7]]),
            id: LsassGuid);
        state.AddProcess(lsass);

        var start = new DateTime(2016, 11, 14, 9, 41, 26, 872, DateTimeKind.Utc);
        var events = new ProcessEvents
        {
            ModLoads = [new ModLoadEvent(start.AddMilliseconds(3), ImageCatalog.Dlls[0].Md5Lower, ImageCatalog.Dlls[0].Path),
                new ModLoadEvent(start.AddMilliseconds(6), ImageCatalog.Dlls[1].Md5Lower, ImageCatalog.Dlls[1].Path)],
            RegMods = [new RegModEvent(4, start.AddMilliseconds(410), @"\registry\machine\system\currentcontrolset\services\carbonblack", Tamper: true),
                new RegModEvent(2, start.AddMilliseconds(420), @"\registry\user\s-1-5-21-2645263318-1438414372-1516165012-1001\software\microsoft\windows\currentversion\explorer\runmru\a")],
            FileMods = [new FileModEvent(4, start.AddMilliseconds(650), @"c:\windows\carbonblack\cb.exe", null, 1, Tamper: true)],
            CrossProcs = [new CrossProcEvent("ProcessOpen", start.AddMilliseconds(300), state.UniqueId(lsass), ImageCatalog.Lsass.Md5Lower,
                ImageCatalog.Lsass.Path, 1, 0x1, Tamper: true)],
        };
        state.AddProcess(ProcessFactory.Create(sensor, 0x1a2c, start, ImageCatalog.Cmd,
            @"cmd.exe  /c sc stop carbonblack & del c:\windows\carbonblack\cb.exe", @"HOSTNAME\jdoe", null, TimeSpan.FromSeconds(1), events,
            id: TamperGuid));
    }
}
