namespace CbTyped.Emulator.Data;

/// <summary>
/// What the seed's attacker left in the event data, as a sensor reports it: the cmd.exe of the net use chain copies
/// mimikatz and its DLL off the mapped share (file writes with the written file's MD5, the binary the walkthrough
/// bans), and the System process records a USB mass-storage disk arriving (the device-interface class key Windows
/// writes under <c>deviceclasses\{53f56307-…}</c>, beside the VM's own SCSI disk).
/// </summary>
internal static class SeedEvidence
{
    /// <summary>The disk device-interface class GUID (GUID_DEVINTERFACE_DISK).</summary>
    public const string DiskInterfaceClass = "{53f56307-b6bf-11d0-94f2-00a0c91efb8b}";

    /// <summary>The MD5 of the DLL copied with mimikatz: a binary the server never collected.</summary>
    public const string UncollectedDllMd5 = "5e6b3a1c7d2f4e8a9b0c1d2e3f4a5b6c";

    private const string DeviceClasses = @"\registry\machine\system\currentcontrolset\control\deviceclasses\" + DiskInterfaceClass + @"\";

    /// <summary>The USB flash drive the System process saw plugged in (the part after <c>usbstor#disk&amp;</c> names it).</summary>
    public const string UsbDisk = "ven_sandisk&prod_cruzer_blade&rev_1.00#4c530001230118109223&0#" + DiskInterfaceClass;

    /// <summary>Registry keys the System process wrote: the VM's SCSI disk, then the USB disk and its value subkey.</summary>
    public static readonly string[] DeviceRegMods =
    [
        DeviceClasses + @"##?#scsi#disk&ven_vbox&prod_harddisk#4&2617aeae&0&000000#" + DiskInterfaceClass,
        DeviceClasses + @"##?#usbstor#disk&" + UsbDisk,
        DeviceClasses + @"##?#usbstor#disk&" + UsbDisk + @"\#\device parameters",
    ];

    /// <summary>cmd.exe's <c>copy \\test\blah\mimi* c:\users\bit9rad\downloads</c>: each file created, then last written.</summary>
    public static IReadOnlyList<FileModEvent> CmdCopies()
    {
        var at = new DateTime(2016, 11, 11, 21, 2, 10, 412, DateTimeKind.Utc);
        const string Downloads = @"c:\users\bit9rad\downloads\";
        return
        [
            new FileModEvent(1, at, Downloads + "mimikatz.exe", null, 0),
            new FileModEvent(8, at.AddMilliseconds(61), Downloads + "mimikatz.exe", ImageCatalog.DownloadSample.Md5Lower, 1),
            new FileModEvent(1, at.AddMilliseconds(75), Downloads + "mimilib.dll", null, 0),
            new FileModEvent(8, at.AddMilliseconds(90), Downloads + "mimilib.dll", UncollectedDllMd5, 1),
            new FileModEvent(1, at.AddMilliseconds(120), Downloads + "readme.txt", null, 0),
        ];
    }
}
