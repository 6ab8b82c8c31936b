using System.Buffers.Binary;
using System.Globalization;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using CbTyped.Events.Protobuf;
using Google.Protobuf;

namespace CbTyped.Emulator.Bus;

/// <summary>
/// The raw sensor events (<c>CbEventMsg</c>, protobuf) a sensor sends for a process of the data set, as the server
/// relays them: the acting process's pid and creation time are read back from its GUID (so the GUID a consumer
/// computes is the REST API's process id), times are FILETIMEs, MD5s 16 raw bytes, IPv4 addresses first octet in the
/// least significant byte and ports byte-swapped, as the wire has them.
/// </summary>
internal static class RawSensorEvents
{
    private const long PathKey = 1;
    private const long ProcessPathKey = 2;

    /// <summary>The process start (<c>ingress.event.process</c>).</summary>
    public static CbEventMsg ProcessStart(ProcessRecord process)
    {
        var msg = Event(process, process.Start ?? process.LastUpdate, process.Path);
        var (parentPid, parentCreateTime) = process.ParentId.Length > 0 ? PidAndCreateTime(process.ParentId) : (process.ParentPid, 0L);
        msg.Process = new CbProcessMsg
        {
            Created = true,
            ParentPid = parentPid,
            ParentCreateTime = parentCreateTime,
            Md5Hash = Md5(process.Md5),
            Commandline = ByteString.CopyFromUtf8(process.CommandLine),
            ParentPath = process.ParentName,
            Username = process.UserName,
        };
        if (process.ParentMd5.Length == 32)
        {
            msg.Process.ParentMd5 = Md5(process.ParentMd5);
        }

        return msg;
    }

    /// <summary>The process end (<c>ingress.event.procend</c>), at its last update.</summary>
    public static CbEventMsg ProcessEnd(ProcessRecord process)
    {
        var msg = Event(process, process.LastUpdate, process.Path);
        msg.Process = new CbProcessMsg { Created = false };
        return msg;
    }

    public static CbEventMsg ModLoad(ProcessRecord process, ModLoadEvent e)
    {
        var msg = Event(process, e.Time, e.Path);
        msg.Modload = new CbModuleLoadMsg { Md5Hash = Md5(e.Md5), HandlepathStringGuid = PathKey };
        return msg;
    }

    public static CbEventMsg FileMod(ProcessRecord process, FileModEvent e)
    {
        var msg = Event(process, e.Time, e.Path);
        msg.Filemod = new CbFileModMsg { Action = (CbFileModMsg.Types.CbFileModAction)e.Op, Type = (CbFileModMsg.Types.CbFileType)e.FileType };
        if (e.Md5 is { Length: 32 } md5)
        {
            msg.Filemod.Md5Hash = Md5(md5);
        }

        if (e.Tamper)
        {
            msg.Filemod.Tamper = true;
        }

        return msg;
    }

    public static CbEventMsg RegMod(ProcessRecord process, RegModEvent e)
    {
        var msg = Event(process, e.Time, null);
        msg.Regmod = new CbRegModMsg { Action = (CbRegModMsg.Types.CbRegModAction)e.Op, Utf8Regpath = ByteString.CopyFromUtf8(e.KeyPath) };
        if (e.Tamper)
        {
            msg.Regmod.Tamper = true;
        }

        return msg;
    }

    /// <summary>A connection in the older <c>CbNetConnMsg</c> form, which every recorded server sample has.</summary>
    public static CbEventMsg NetConn(ProcessRecord process, NetConnEvent e)
    {
        var msg = Event(process, e.Time, null);
        msg.Network = new CbNetConnMsg
        {
            Ipv4Address = WireIpv4(e.RemoteIp),
            Port = WirePort(e.RemotePort),
            Protocol = (CbNetConnMsg.Types.ProtocolType)e.Protocol,
            Utf8Netpath = ByteString.CopyFromUtf8(e.Domain),
            Outbound = e.Outbound,
            RemoteIpAddress = WireIpv4(e.RemoteIp),
            RemotePort = WirePort(e.RemotePort),
            LocalIpAddress = WireIpv4(e.LocalIp),
            LocalPort = WirePort(e.LocalPort),
        };
        return msg;
    }

    public static CbEventMsg ChildProc(ProcessRecord process, ChildProcEvent e)
    {
        var msg = Event(process, e.Time, null);
        var (pid, createTime) = PidAndCreateTime(e.ChildUniqueId);
        msg.Childproc = new CbChildProcessMsg
        {
            Created = e.Started,
            Pid = pid,
            CreateTime = createTime,
            Path = e.Path,
            Commandline = ByteString.CopyFromUtf8(e.CommandLine),
            Username = e.UserName,
        };
        if (e.Md5.Length == 32)
        {
            msg.Childproc.Md5Hash = Md5(e.Md5);
        }

        return msg;
    }

    /// <summary>A handle opened in another process (<c>crossprocopen</c>) or a remote thread (<c>remotethread</c>).</summary>
    public static CbEventMsg CrossProc(ProcessRecord process, CrossProcEvent e)
    {
        var msg = Event(process, e.Time, null);
        var (pid, createTime) = PidAndCreateTime(e.TargetUniqueId);
        var md5 = e.TargetMd5.Length == 32 ? Md5(e.TargetMd5) : ByteString.Empty;
        msg.Crossproc = IsRemoteThread(e)
            ? new CbCrossProcessMsg { Remotethread = new CbCreateRemoteThreadMsg { RemoteProcPid = unchecked((uint)pid), RemoteProcCreateTime = unchecked((ulong)createTime), RemoteProcPath = e.TargetPath, RemoteProcMd5 = md5 } }
            : new CbCrossProcessMsg
            {
                Open = new CbCrossProcessOpenMsg
                {
                    Type = e.SubType == 2 ? CbCrossProcessOpenMsg.Types.OpenType.OpenThreadHandle : CbCrossProcessOpenMsg.Types.OpenType.OpenProcessHandle,
                    TargetPid = unchecked((uint)pid),
                    TargetProcCreateTime = unchecked((ulong)createTime),
                    RequestedAccess = unchecked((uint)e.Access),
                    TargetProcPath = e.TargetPath,
                    TargetProcMd5 = md5,
                },
            };
        return msg;
    }

    public static bool IsRemoteThread(CrossProcEvent e) => string.Equals(e.Type, "RemoteThread", StringComparison.OrdinalIgnoreCase);

    /// <summary>Every raw event of <paramref name="process"/> in time order: its start, what it did (its children's
    /// starts and ends are <paramref name="children"/>, as the REST API lists them), its end.</summary>
    public static IEnumerable<CbEventMsg> All(ProcessRecord process, IReadOnlyList<ChildProcEvent> children)
    {
        var events = new List<(DateTime Time, Func<CbEventMsg> Build)> { (process.Start ?? process.LastUpdate, () => ProcessStart(process)) };
        events.AddRange(process.Events.ModLoads.Select(e => (e.Time, (Func<CbEventMsg>)(() => ModLoad(process, e)))));
        events.AddRange(process.Events.FileMods.Select(e => (e.Time, (Func<CbEventMsg>)(() => FileMod(process, e)))));
        events.AddRange(process.Events.RegMods.Select(e => (e.Time, (Func<CbEventMsg>)(() => RegMod(process, e)))));
        events.AddRange(process.Events.NetConns.Select(e => (e.Time, (Func<CbEventMsg>)(() => NetConn(process, e)))));
        events.AddRange(children.Select(e => (e.Time, (Func<CbEventMsg>)(() => ChildProc(process, e)))));
        events.AddRange(process.Events.CrossProcs.Select(e => (e.Time, (Func<CbEventMsg>)(() => CrossProc(process, e)))));
        var ordered = events.Skip(1).OrderBy(e => e.Time).Prepend(events[0]).Select(e => e.Build());
        return process.Terminated ? ordered.Append(ProcessEnd(process)) : ordered;
    }

    /// <summary>The <c>env</c> the server fills in on <c>api.events</c> (absent in bundles, whose headers carry it).
    /// The emulator has no separate host ids: a sensor's host id is its sensor id.</summary>
    public static CbEventMsg WithEnvironment(CbEventMsg msg, SensorRecord? sensor, int sensorId)
    {
        msg.Env = new CbEnvironmentMsg
        {
            Endpoint = new CbEndpointEnvironmentMsg { SensorId = sensorId, SensorHostName = sensor?.ComputerName ?? "", HostId = sensorId },
            Server = new CbServerEnvironmentMsg { NodeId = 0 },
        };
        return msg;
    }

    /// <summary>
    /// A zip bundle as the server puts on <c>api.rawsensordata</c>: one member per process, each a run of records
    /// (a little-endian uint32 length, then one <c>CbEventMsg</c> without <c>env</c>).
    /// </summary>
    public static byte[] Bundle(IEnumerable<(string MemberName, IEnumerable<CbEventMsg> Events)> members)
    {
        using var zipped = new MemoryStream();
        var length = new byte[4];
        using (var zip = new System.IO.Compression.ZipArchive(zipped, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, events) in members)
            {
                var entry = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Fastest);
                entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero); // the same bytes for the same data
                using var member = entry.Open();
                foreach (var msg in events)
                {
                    var record = msg.ToByteArray();
                    BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)record.Length);
                    member.Write(length);
                    member.Write(record);
                }
            }
        }

        return zipped.ToArray();
    }

    /// <summary>The server's name for a bundle member: <c>EventLog_&lt;8 hex&gt;.&lt;n&gt;--YYYY-MM-DD-HH-MM-SS.log</c>.</summary>
    public static string MemberName(int sensorId, int n, DateTime at) =>
        string.Create(CultureInfo.InvariantCulture, $"EventLog_{(uint)sensorId:x8}.{n}--{at:yyyy-MM-dd-HH-mm-ss}.log");

    private static CbEventMsg Event(ProcessRecord process, DateTime time, string? path)
    {
        var (pid, createTime) = PidAndCreateTime(process.Id);
        var msg = new CbEventMsg
        {
            Header = new CbHeaderMsg
            {
                Version = 4,
                Timestamp = CbTime.FileTime(time),
                ProcessCreateTime = createTime,
                ProcessPid = pid,
                ProcessMd5 = Md5(process.Md5),
                ProcessPath = process.Path,
                ProcessFilepathStringGuid = ProcessPathKey,
            },
        };
        msg.Strings.Add(new CbStringMsg { Guid = ProcessPathKey, Utf8String = ByteString.CopyFromUtf8(process.Path) });
        if (path is not null)
        {
            msg.Header.FilepathStringGuid = PathKey;
            msg.Strings.Add(new CbStringMsg { Guid = PathKey, Utf8String = ByteString.CopyFromUtf8(path) });
        }

        return msg;
    }

    /// <summary>The pid and creation FILETIME a process GUID (<c>SSSSSSSS-PPPP-PPPP-TTTT-TTTTTTTTTTTT</c>, maybe
    /// followed by a segment) is made of; zeros for text that is not one.</summary>
    public static (int Pid, long CreateTime) PidAndCreateTime(string guid)
    {
        if (guid.Length < 36
            || !uint.TryParse(string.Concat(guid.AsSpan(9, 4), guid.AsSpan(14, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var pid)
            || !ulong.TryParse(string.Concat(guid.AsSpan(19, 4), guid.AsSpan(24, 12)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var time))
        {
            return (0, 0);
        }

        return (unchecked((int)pid), unchecked((long)time));
    }

    private static ByteString Md5(string hex) =>
        hex.Length == 32 ? ByteString.CopyFrom(Convert.FromHexString(hex)) : ByteString.Empty;

    /// <summary>An address in host order (first octet most significant) as the wire has it (first octet least).</summary>
    private static uint WireIpv4(uint hostOrder) => BinaryPrimitives.ReverseEndianness(hostOrder);

    /// <summary>A port in network byte order in the low 16 bits.</summary>
    private static uint WirePort(int port) => (uint)(((port & 0xFF) << 8) | ((port >> 8) & 0xFF));
}
