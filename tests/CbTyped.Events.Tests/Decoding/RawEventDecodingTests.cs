using System.Text.Json;
using CbTyped.Events.Decoding;
using CbTyped.Events.Protobuf;
using CbTyped.Events.RawEvents;
using Google.Protobuf;

namespace CbTyped.Events.Tests.Decoding;

public class RawEventDecodingTests
{
    private static readonly CbEventDecoder Decoder = new(new CbEventDecoderOptions { ServerUrl = new Uri("https://cb.example.com"), ServerName = "cbserver" });

    private static CbBusEvent DecodeOne(string routingKey, CbEventMsg msg) =>
        Assert.Single(Decoder.Decode(new CbBusMessage(routingKey, "application/protobuf", msg.ToByteArray()) { Exchange = "api.events" }));

    private static string[] Keys(JsonElement json) => json.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void A_process_start_renders_the_forwarders_json_keys_in_order_with_its_values()
    {
        var evt = Assert.IsType<CbProcessEvent>(DecodeOne("ingress.event.process", SampleEvents.ProcessStart()));
        Assert.Equal(CbRawEventKind.Process, evt.Kind);
        Assert.True(evt.Created);
        Assert.Equal("00000007-0000-1234-01d2-3456789abcde", evt.ProcessGuid);
        Assert.Equal("00000007-0000-0200-01d2-350b01f9ed87", evt.ParentProcessGuid);

        using var json = JsonDocument.Parse(evt.ToJson());
        var root = json.RootElement;
        Assert.Equal(
            ["path", "md5", "sha256", "command_line", "parent_path", "parent_pid", "parent_guid", "filtering_known_dlls", "expect_followon_w_md5", "link_parent", "username", "uid", "parent_create_time",
             "pid", "process_guid", "link_process", "link_sensor", "process_path",
             "cb_server", "type", "sensor_id", "computer_name", "event_type", "timestamp"],
            Keys(root));
        Assert.Equal(@"c:\windows\system32\cmd.exe", root.GetProperty("path").GetString());
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF", root.GetProperty("md5").GetString()); // upper case
        Assert.Equal("cmd.exe /c echo ü", root.GetProperty("command_line").GetString());
        Assert.Equal(0x0200, root.GetProperty("parent_pid").GetInt32());
        Assert.Equal(-5, root.GetProperty("parent_guid").GetInt64()); // the deprecated number, not a GUID
        Assert.Equal(SampleEvents.UnixTime - 1, root.GetProperty("parent_create_time").GetInt64());
        Assert.Equal("https://cb.example.com/#analyze/00000007-0000-1234-01d2-3456789abcde/0", root.GetProperty("link_process").GetString());
        Assert.Equal("https://cb.example.com/#/host/7", root.GetProperty("link_sensor").GetString());
        Assert.EndsWith("/1", root.GetProperty("link_parent").GetString(), StringComparison.Ordinal);
        Assert.Equal("ingress.event.procstart", root.GetProperty("type").GetString());
        Assert.Equal("proc", root.GetProperty("event_type").GetString());
        Assert.Equal(7, root.GetProperty("sensor_id").GetInt32());
        Assert.Equal("WIN-HOST", root.GetProperty("computer_name").GetString());
        Assert.Equal(SampleEvents.UnixTime, root.GetProperty("timestamp").GetInt64());
        Assert.Equal("cbserver", root.GetProperty("cb_server").GetString());
    }

    [Fact]
    public void A_process_end_has_no_hashes_and_is_typed_procend()
    {
        var msg = SampleEvents.ProcessStart();
        msg.Process.Created = false;
        var evt = Assert.IsType<CbProcessEvent>(DecodeOne("ingress.event.procend", msg));
        using var json = JsonDocument.Parse(evt.ToJson());
        Assert.Equal("ingress.event.procend", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("", json.RootElement.GetProperty("md5").GetString());
    }

    [Fact]
    public void Without_a_server_url_no_links_are_written_and_without_a_sensor_the_guid_falls_back_to_the_deprecated_key()
    {
        var msg = SampleEvents.ProcessStart();
        msg.Env = null;
        msg.Header.ProcessGuid = -123456789;
        var evt = Assert.IsType<CbProcessEvent>(Assert.Single(CbEventDecoder.Default.Decode(new CbBusMessage("ingress.event.process", "application/protobuf", msg.ToByteArray()))));
        using var json = JsonDocument.Parse(evt.ToJson());
        Assert.Equal("-123456789", json.RootElement.GetProperty("process_guid").GetString());
        Assert.False(json.RootElement.TryGetProperty("link_process", out _));
        Assert.False(json.RootElement.TryGetProperty("cb_server", out _));
        Assert.Equal(0, json.RootElement.GetProperty("sensor_id").GetInt32());
    }

    [Fact]
    public void Filemod_names_the_action_and_file_type_and_adds_the_acting_process_hash()
    {
        var evt = Assert.IsType<CbFileModEvent>(DecodeOne("ingress.event.filemod", SampleEvents.FileMod()));
        using var json = JsonDocument.Parse(evt.ToJson());
        var root = json.RootElement;
        Assert.Equal(@"c:\temp\evil.exe", root.GetProperty("path").GetString());
        Assert.Equal("lastwrite", root.GetProperty("action").GetString());
        Assert.Equal(8, root.GetProperty("action_type").GetInt32());
        Assert.Equal("Pe", root.GetProperty("filetype_name").GetString());
        Assert.Equal(1, root.GetProperty("file_type").GetInt32());
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF", root.GetProperty("file_md5").GetString());
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF", root.GetProperty("md5").GetString()); // HASH block
        Assert.Equal("filemod", root.GetProperty("event_type").GetString());

        var open = SampleEvents.FileMod();
        open.Filemod.Action = CbFileModMsg.Types.CbFileModAction.ActionFileModOpen;
        open.Filemod.ClearType();
        var opened = Assert.IsType<CbFileModEvent>(DecodeOne("ingress.event.filemod", open));
        Assert.Equal("unknown (16)", opened.Action);
        Assert.Equal("Unknown", opened.FileTypeName);
    }

    [Fact]
    public void Regmod_writes_the_forwarders_swapped_tamper_flags_while_the_property_is_true()
    {
        var evt = Assert.IsType<CbRegModEvent>(DecodeOne("ingress.event.regmod", SampleEvents.RegMod()));
        Assert.True(evt.Tamper);
        Assert.Equal("writeval", evt.Action);
        using var json = JsonDocument.Parse(evt.ToJson());
        Assert.False(json.RootElement.GetProperty("tamper").GetBoolean());
        Assert.True(json.RootElement.GetProperty("tamper_sent").GetBoolean());
        Assert.Equal(@"\registry\machine\software\run", json.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public void Netconn_v1_converts_byte_orders_and_an_absent_outbound_flag_means_outbound()
    {
        var msg = SampleEvents.With(m => m.Network = new CbNetConnMsg
        {
            Ipv4Address = 0x0302010A, // 10.1.2.3
            Port = 47873,             // 443
            Protocol = CbNetConnMsg.Types.ProtocolType.ProtoTcp,
            Utf8Netpath = ByteString.CopyFromUtf8("example.com"),
            LocalIpAddress = 0x6401A8C0, // 192.168.1.100
            LocalPort = 0x3930,          // 12345
            RemoteIpAddress = 0x0302010A,
            RemotePort = 47873,
        });
        var evt = Assert.IsType<CbNetConnEvent>(DecodeOne("ingress.event.netconn", msg));
        Assert.False(evt.IsVersion2);
        using var json = JsonDocument.Parse(evt.ToJson());
        var root = json.RootElement;
        Assert.Equal(["remote_port", "local_ip", "local_port", "direction", "domain", "protocol", "port", "ipv4", "remote_ip"], Keys(root).Take(9));
        Assert.Equal("10.1.2.3", root.GetProperty("ipv4").GetString());
        Assert.Equal(443, root.GetProperty("port").GetInt32());
        Assert.Equal("192.168.1.100", root.GetProperty("local_ip").GetString());
        Assert.Equal(12345, root.GetProperty("local_port").GetInt32());
        Assert.Equal("outbound", root.GetProperty("direction").GetString());
        Assert.Equal(6, root.GetProperty("protocol").GetInt32());

        msg.Network.Outbound = false;
        Assert.Equal("inbound", Assert.IsType<CbNetConnEvent>(DecodeOne("ingress.event.netconn", msg)).Direction);
    }

    [Fact]
    public void Netconn_v2_prints_ipv6_and_the_capital_protocol_key()
    {
        var msg = SampleEvents.With(m => m.Networkv2 = new CbNetConnMsgv2
        {
            Protocol = CbNetConnMsgv2.Types.ProtocolType.ProtoUdp,
            RemoteIpAddress = new CbIpAddr { BIsIpv6 = true, Ipv6High = 0x00000000_B80D0120UL, Ipv6Low = 0x01000000_00000000UL },
            RemotePort = 0x3500, // 53
            LocalIpAddress = new CbIpAddr { Ipv4Address = 0x0100007F },
            LocalPort = 0x3930,
        });
        var evt = Assert.IsType<CbNetConnEvent>(DecodeOne("ingress.event.netconn", msg));
        Assert.True(evt.IsVersion2);
        using var json = JsonDocument.Parse(evt.ToJson());
        var root = json.RootElement;
        Assert.Equal(17, root.GetProperty("Protocol").GetInt32());
        Assert.Equal("2001:db8::1", root.GetProperty("remote_ip").GetString());
        Assert.Equal(53, root.GetProperty("remote_port").GetInt32());
        Assert.Equal("127.0.0.1", root.GetProperty("local_ip").GetString());
        Assert.Equal("", root.GetProperty("proxy_ip").GetString());
    }

    [Fact]
    public void Childproc_crossproc_block_tamper_emet_and_module_name_their_enums_as_the_forwarder_does()
    {
        var child = Assert.IsType<CbChildProcessEvent>(DecodeOne("ingress.event.childproc", SampleEvents.With(m => m.Childproc = new CbChildProcessMsg
        {
            Created = true, Pid = 0x1_0000_0099, CreateTime = SampleEvents.CreateTime, Path = "child.exe", ChildProcType = CbChildProcessMsg.Types.CbChildProcType.ChildProcFork,
        })));
        Assert.Equal("Fork", child.ChildProcessType);
        Assert.Equal("00000007-0000-0099-01d2-3456789abcde", child.ChildProcessGuid); // pid cut to 32 bits
        Assert.Equal("0123456789ABCDEF0123456789ABCDEF", child.Md5); // the parent's, as the forwarder does
        using (var json = JsonDocument.Parse(child.ToJson()))
            Assert.Equal("00000007-0000-1234-01d2-3456789abcde", json.RootElement.GetProperty("parent_guid").GetString());

        var thread = Assert.IsType<CbCrossProcessEvent>(DecodeOne("ingress.event.remotethread", SampleEvents.With(m => m.Crossproc = new CbCrossProcessMsg
        {
            Remotethread = new CbCreateRemoteThreadMsg { RemoteProcPid = 4, RemoteProcCreateTime = 5, RemoteProcPath = "lsass.exe" },
        })));
        Assert.Equal("remote_thread", thread.CrossProcessType);
        Assert.Equal("ingress.event.remotethread", thread.ForwarderType);
        Assert.Equal("00000007-0000-0004-0000-000000000005", thread.TargetProcessGuid);
        var open = Assert.IsType<CbCrossProcessEvent>(DecodeOne("ingress.event.crossprocopen", SampleEvents.With(m => m.Crossproc = new CbCrossProcessMsg
        {
            Open = new CbCrossProcessOpenMsg { Type = CbCrossProcessOpenMsg.Types.OpenType.OpenThreadHandle, RequestedAccess = 0x1F0FFF },
        })));
        Assert.Equal("open_thread", open.CrossProcessType);
        using (var json = JsonDocument.Parse(open.ToJson()))
            Assert.Equal(0x1F0FFF, json.RootElement.GetProperty("requested_access").GetInt32());

        var blocked = Assert.IsType<CbProcessBlockedEvent>(DecodeOne("ingress.event.processblock", SampleEvents.With(m => m.Blocked = new CbProcessBlockedMsg
        {
            BlockedType = CbProcessBlockedMsg.Types.BlockType.Md5Hash,
            BlockedEvent = CbProcessBlockedMsg.Types.BlockEvent.ProcessCreate,
            BlockResult = CbProcessBlockedMsg.Types.BlockResult.NotTerminatedWhitelistedPath,
            Blockedmd5Hash = ByteString.CopyFrom(SampleEvents.Md5),
        })));
        Assert.Equal("NotTerminatedWhitelistPath", blocked.BlockedResult);
        Assert.Null(blocked.BlockedProcessGuid);
        using (var json = JsonDocument.Parse(blocked.ToJson()))
        {
            Assert.Equal("ingress.event.processblocked", json.RootElement.GetProperty("type").GetString());
            Assert.Equal("Md5Hash", json.RootElement.GetProperty("blocked_reason").GetString());
            Assert.False(json.RootElement.TryGetProperty("pid", out _)); // BASE only: no acting process
        }

        var tamper = Assert.IsType<CbTamperEvent>(DecodeOne("ingress.event.tamper", SampleEvents.With(m => m.TamperAlert = new CbTamperAlertMsg { Type = CbTamperAlertMsg.Types.CbTamperAlertType.AlertCbServiceStopped })));
        Assert.Equal("CbServiceStopped", tamper.TamperType);

        var emet = Assert.IsType<CbEmetMitigationEvent>(DecodeOne("ingress.event.emetmitigation", SampleEvents.With(m => m.Emet = new CbEmetMitigationMsg
        {
            Action = new CbEmetMitigationAction { MitigationType = CbEmetMitigationAction.Types.CbEmetMitigationTypes.ActionStackPivot },
        })));
        Assert.Equal("StackPivot", emet.Mitigation);
        Assert.Equal("Dep", Assert.IsType<CbEmetMitigationEvent>(DecodeOne("ingress.event.emetmitigation", SampleEvents.With(m => m.Emet = new CbEmetMitigationMsg()))).Mitigation);

        var module = Assert.IsType<CbModuleInfoEvent>(DecodeOne("ingress.event.module", SampleEvents.With(m => m.Module = new CbModuleInfoMsg
        {
            Md5 = ByteString.CopyFromUtf8("abcdef0123456789abcdef0123456789"), OriginalModuleLength = 4096, Utf8FileDescription = "Tool",
        })));
        using (var json = JsonDocument.Parse(module.ToJson()))
        {
            Assert.Equal("ABCDEF0123456789ABCDEF0123456789", json.RootElement.GetProperty("md5").GetString()); // text, upper-cased
            Assert.Equal("Tool", json.RootElement.GetProperty("utf_8_file_dscription").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("icon").ValueKind);
            Assert.Equal("binary_info", json.RootElement.GetProperty("event_type").GetString());
        }
    }

    [Fact]
    public void Fields_the_schema_does_not_know_are_kept()
    {
        var bytes = SampleEvents.RegMod().ToByteArray().Concat(new byte[] { 0xA8, 0x06, 0x2A }).ToArray(); // field 101, varint 42
        var evt = Assert.IsType<CbRegModEvent>(Assert.Single(Decoder.Decode(new CbBusMessage("ingress.event.regmod", "application/protobuf", bytes))));
        Assert.Equal(bytes, evt.Raw.ToByteArray());
    }

    [Fact]
    public void A_truncated_or_headerless_protobuf_is_a_decode_exception_naming_the_routing_key()
    {
        var bytes = SampleEvents.ProcessStart().ToByteArray();
        var truncated = Assert.Throws<CbEventDecodeException>(() => Decoder.Decode(new CbBusMessage("ingress.event.process", "application/protobuf", bytes.AsMemory(..^5))));
        Assert.Contains("'ingress.event.process'", truncated.Message, StringComparison.Ordinal);

        var headerless = new CbEventMsg { Regmod = new CbRegModMsg() }.ToByteArray();
        var missing = Assert.Throws<CbEventDecodeException>(() => Decoder.Decode(new CbBusMessage("ingress.event.regmod", "application/protobuf", headerless)));
        Assert.Contains("header", missing.Message, StringComparison.Ordinal);
    }
}
