using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using CbTyped.Events;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;
using CbTyped.Events.RawEvents;
using Google.Protobuf;

// dotnet run -c Release --project benchmarks/CbTyped.DecodeThroughput -- [seconds per case, default 3]
// One thread, so events/s is per core. The mix follows the recorded samples' kinds: filemod, modload, regmod most.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
var messages = Enumerable.Range(0, 1000).Select(Sample).ToArray();
var bodies = messages.Select(m => new CbBusMessage(RoutingKey(m), "application/protobuf", m.ToByteArray()) { Exchange = "api.events" }).ToArray();
var bundle = new CbBusMessage("", "application/zip", Zip(messages)) { Exchange = CbEventDecoder.RawSensorDataExchange };
var decoder = CbEventDecoder.Default;
Console.WriteLine($"{Environment.ProcessorCount} cores, {bodies.Average(b => b.Body.Length):F0} bytes a message on average, bundle {bundle.Body.Length} bytes zipped ({messages.Length} records)");

Measure("single messages, decoded to typed events", () =>
{
    long n = 0;
    foreach (var body in bodies)
        n += decoder.Decode(body).Count;
    return n;
});
Measure("single messages, decoded and the process GUID read", () =>
{
    long n = 0;
    foreach (var body in bodies)
        n += ((CbRawSensorEvent)decoder.Decode(body)[0]).ProcessGuid.Length > 0 ? 1 : 0;
    return n;
});
Measure("zip bundle of 1,000 records (inflate + decode)", () => decoder.Decode(bundle).Count);
Measure("single messages, decoded and rendered as forwarder JSON", () =>
{
    long n = 0;
    foreach (var body in bodies)
        n += ((CbRawSensorEvent)decoder.Decode(body)[0]).ToJson().Length > 0 ? 1 : 0;
    return n;
});
return 0;

void Measure(string name, Func<long> round)
{
    // Warm-up for a second: the tiered JIT recompiles the hot paths with their profile before the clock starts.
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed.TotalSeconds < 1)
        round();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    long events = 0;
    while (clock.Elapsed.TotalSeconds < seconds)
        events += round();
    clock.Stop();
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-58} {events / clock.Elapsed.TotalSeconds,12:N0} events/s wall   {events / cpuSeconds,12:N0} events/s of CPU"));
}

static CbEventMsg Sample(int i)
{
    var header = new CbHeaderMsg
    {
        Version = 4,
        Timestamp = 131225660551234567 + i,
        ProcessPid = 1000 + (i % 50),
        ProcessCreateTime = 131225660000000000 + (i % 50),
        ProcessMd5 = ByteString.CopyFrom(new byte[16]),
        ProcessPath = @"c:\windows\system32\svchost.exe",
        FilepathStringGuid = i,
    };
    var msg = new CbEventMsg
    {
        Header = header,
        Env = new CbEnvironmentMsg { Endpoint = new CbEndpointEnvironmentMsg { SensorId = 3, SensorHostName = "WIN-HOST", HostId = 3 }, Server = new CbServerEnvironmentMsg { NodeId = 0 } },
    };
    msg.Strings.Add(new CbStringMsg { Guid = i, Utf8String = ByteString.CopyFromUtf8($@"c:\users\someone\appdata\local\temp\file{i}.tmp") });
    switch (i % 10)
    {
        case < 4:
            msg.Filemod = new CbFileModMsg { Guid = i, Action = CbFileModMsg.Types.CbFileModAction.ActionFileModWrite };
            break;
        case < 7:
            msg.Modload = new CbModuleLoadMsg { Guid = i, HandlepathStringGuid = i, Md5Hash = ByteString.CopyFrom(new byte[16]) };
            break;
        case < 9:
            msg.Regmod = new CbRegModMsg { Guid = i, Action = CbRegModMsg.Types.CbRegModAction.ActionRegModWriteValue, Utf8Regpath = ByteString.CopyFromUtf8(@"\registry\machine\software\microsoft\windows\currentversion\run") };
            break;
        default:
            msg.Network = new CbNetConnMsg { Ipv4Address = 0x0302010A, Port = 47873, Protocol = CbNetConnMsg.Types.ProtocolType.ProtoTcp, Utf8Netpath = ByteString.CopyFromUtf8("example.com") };
            break;
    }
    return msg;
}

static string RoutingKey(CbEventMsg m) =>
    m.Filemod is not null ? "ingress.event.filemod" : m.Modload is not null ? "ingress.event.moduleload" : m.Regmod is not null ? "ingress.event.regmod" : "ingress.event.netconn";

static byte[] Zip(CbEventMsg[] records)
{
    using var member = new MemoryStream();
    Span<byte> prefix = stackalloc byte[4];
    foreach (var record in records)
    {
        var bytes = record.ToByteArray();
        BinaryPrimitives.WriteUInt32LittleEndian(prefix, (uint)bytes.Length);
        member.Write(prefix);
        member.Write(bytes);
    }
    using var zipped = new MemoryStream();
    using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
    {
        using var entry = zip.CreateEntry("EventLog_00000003.1--2016-11-02-13-14-15.log").Open();
        member.Position = 0;
        member.CopyTo(entry);
    }
    return zipped.ToArray();
}
