using System.Buffers.Binary;
using System.IO.Compression;
using CbTyped.Events.Protobuf;
using Google.Protobuf;

namespace CbTyped.Events.Tests.Decoding;

/// <summary>Raw sensor events built with the generated types, as a sensor and server would send them.</summary>
internal static class SampleEvents
{
    // 2016-11-02 13:14:15.1234567 UTC as a FILETIME.
    public const long Time = 131225660551234567;
    public const long UnixTime = 1478092455;
    public const int SensorId = 7;
    public const int Pid = 0x1234;
    public const long CreateTime = 0x01D23456789ABCDE;
    public static readonly byte[] Md5 = Convert.FromHexString("0123456789abcdef0123456789abcdef");

    public static CbHeaderMsg Header() => new()
    {
        Version = 4,
        Timestamp = Time,
        ProcessPid = Pid,
        ProcessCreateTime = CreateTime,
        ProcessMd5 = ByteString.CopyFrom(Md5),
        ProcessPath = @"c:\windows\system32\cmd.exe",
        FilepathStringGuid = 42,
    };

    public static CbEnvironmentMsg Env() => new()
    {
        Endpoint = new CbEndpointEnvironmentMsg { SensorId = SensorId, SensorHostName = "WIN-HOST", HostId = 9 },
        Server = new CbServerEnvironmentMsg { NodeId = 0 },
    };

    public static CbStringMsg Path(string path) => new() { Guid = 42, Utf8String = ByteString.CopyFromUtf8(path) };

    public static CbEventMsg ProcessStart()
    {
        var msg = new CbEventMsg
        {
            Header = Header(),
            Env = Env(),
            Process = new CbProcessMsg
            {
                Created = true,
                ParentPid = 0x0200,
                ParentCreateTime = Time - 10_000_000,
                ParentGuid = -5,
                Md5Hash = ByteString.CopyFrom(Md5),
                Commandline = ByteString.CopyFromUtf8("cmd.exe /c echo ü"),
                ParentPath = @"c:\windows\explorer.exe",
                Username = "SYSTEM",
                Uid = "S-1-5-18",
            },
        };
        msg.Strings.Add(Path(@"c:\windows\system32\cmd.exe"));
        return msg;
    }

    public static CbEventMsg FileMod() => With(m =>
    {
        m.Filemod = new CbFileModMsg { Action = CbFileModMsg.Types.CbFileModAction.ActionFileModLastWrite, Type = CbFileModMsg.Types.CbFileType.FiletypePe, Md5Hash = ByteString.CopyFrom(Md5) };
        m.Strings.Add(Path(@"c:\temp\evil.exe"));
    });

    public static CbEventMsg RegMod() => With(m => m.Regmod = new CbRegModMsg
    {
        Action = CbRegModMsg.Types.CbRegModAction.ActionRegModWriteValue,
        Utf8Regpath = ByteString.CopyFromUtf8(@"\registry\machine\software\run"),
        Tamper = true,
    });

    public static CbEventMsg With(Action<CbEventMsg> fill)
    {
        var msg = new CbEventMsg { Header = Header(), Env = Env() };
        fill(msg);
        return msg;
    }

    /// <summary>A bundle: each record a little-endian uint32 length and the message.</summary>
    public static byte[] Bundle(params CbEventMsg[] messages)
    {
        using var stream = new MemoryStream();
        Span<byte> prefix = stackalloc byte[4];
        foreach (var message in messages)
        {
            var bytes = message.ToByteArray();
            BinaryPrimitives.WriteUInt32LittleEndian(prefix, (uint)bytes.Length);
            stream.Write(prefix);
            stream.Write(bytes);
        }
        return stream.ToArray();
    }

    /// <summary>A zip whose members are the given bundles, named like the server's.</summary>
    public static byte[] Zip(params byte[][] members)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < members.Length; i++)
            {
                var entry = zip.CreateEntry($"EventLog_0000000{i}.1--2016-11-02-13-14-15.log", CompressionLevel.Optimal);
                using var member = entry.Open();
                member.Write(members[i]);
            }
        }
        return stream.ToArray();
    }
}
