namespace CbTyped.Emulator.Data;

/// <summary>Builds process records with the links (parent id, pid, name, md5) filled in from the parent.</summary>
internal static class ProcessFactory
{
    public static ProcessRecord Create(
        SensorRecord sensor,
        int pid,
        DateTime start,
        ImageInfo image,
        string commandLine,
        string userName,
        ProcessRecord? parent,
        TimeSpan lifetime,
        ProcessEvents? events = null,
        string? id = null)
    {
        var lastUpdate = start + lifetime;
        return new ProcessRecord
        {
            Id = id ?? ProcessRecord.MakeId(sensor.Id, pid, start),
            SensorId = sensor.Id,
            Pid = pid,
            Start = start,
            LastUpdate = lastUpdate,
            LastServerUpdate = lastUpdate.AddSeconds(4.912),
            ProcessName = image.ProcessName,
            Path = image.Path,
            CommandLine = commandLine,
            UserName = userName,
            Md5 = image.Md5Lower,
            ParentId = parent?.Id ?? "",
            ParentPid = parent?.Pid ?? -1,
            ParentName = parent?.ProcessName ?? "",
            ParentMd5 = parent?.Md5 ?? "000000000000000000000000000000",
            Terminated = lifetime < TimeSpan.FromDays(1),
            HostType = sensor.HostType,
            OsType = "windows",
            CommsIp = sensor.IpAsSignedInt,
            InterfaceIp = sensor.IpAsSignedInt,
            Events = events ?? ProcessEvents.Empty,
        };
    }

    /// <summary>Cb writes IPv4 addresses as signed 32-bit integers in host order.</summary>
    public static int ToSignedIp(string dotted) => unchecked((int)ToIp(dotted));

    public static uint ToIp(string dotted)
    {
        var parts = dotted.Split('.');
        uint value = 0;
        foreach (var part in parts)
        {
            value = (value << 8) | uint.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
        }

        return value;
    }

    public static string ToDotted(uint ip) =>
        string.Join('.', ip >> 24, (ip >> 16) & 0xff, (ip >> 8) & 0xff, ip & 0xff);
}
