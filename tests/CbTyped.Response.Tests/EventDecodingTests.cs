using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// Every event type decoded from every event API version the emulator serves over HTTP (v1 pipe strings, v2 netconn
/// objects with integer IPs, v3 childproc objects, v4 dotted IPs and SHA-256 columns), and the route each server
/// version picks.
/// </summary>
public sealed class EventDecodingTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{

    [Theory]
    [InlineData("5.0.0", "v1")]
    [InlineData("5.1.1", "v2")]
    [InlineData("5.2.0", "v3")]
    [InlineData("5.3.1", "v3")]
    [InlineData("6.0.0", "v4")]
    [InlineData("6.2.0", "v4")]
    public async Task ServerVersionChoosesTheEventApi(string version, string api)
    {
        await using var session = await EmulatorSession.StartAsync(new CbTyped.Emulator.CbEmulatorOptions { ServerVersion = version });
        var process = await session.Client.Select<Process>().Where("process_name:net.exe").FirstAsync();

        await process.GetEventsAsync();

        var request = await session.WaitForRequestAsync(e => e.Path.EndsWith("/event", StringComparison.Ordinal));
        Assert.Equal($"/api/{api}/process/{process.Id}/{process.SegmentId}/event", request.Path);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task NetUseEventsDecodeTheSameInEveryApiVersion(int apiVersion)
    {
        var (process, events) = await LoadEventsAsync(fixture.Client, "process_name:net.exe cmdline:y:", apiVersion);

        Assert.Equal(4, events.ModLoads.Count);
        Assert.All(events.ModLoads, m => Assert.Equal(32, m.Md5!.Length));
        Assert.All(events.ModLoads, m => Assert.Equal(m.Md5!.ToUpperInvariant(), m.Md5));
        Assert.Equal(apiVersion >= 4, events.ModLoads[0].Sha256 is not null);

        var regmod = Assert.Single(events.RegMods);
        Assert.Equal(RegModType.FirstWrote, regmod.Type);
        Assert.EndsWith(@"\network\y\remotepath", regmod.Path, StringComparison.Ordinal);

        var netconn = Assert.Single(events.NetConns);
        Assert.Equal("10.0.2.50", netconn.RemoteIp);
        Assert.Equal(445, netconn.RemotePort);
        Assert.Equal("IPPROTO_TCP", netconn.Protocol);
        Assert.Equal("test", netconn.Domain);
        Assert.True(netconn.IsOutbound);
        Assert.Equal("Outbound", netconn.Direction);
        Assert.Equal(apiVersion >= 2 ? "10.0.2.15" : null, netconn.LocalIp);

        // Times are the event's own: 25 ms after the process started.
        Assert.Equal(process.Start!.Value.AddMilliseconds(25), netconn.Timestamp);
        Assert.Equal(netconn.Timestamp, events.All.Single(e => e is NetConnEvent).Timestamp);
        Assert.True(events.All.Zip(events.All.Skip(1)).All(pair => pair.First.Timestamp <= pair.Second.Timestamp));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task ChildProcessesDecodeAsStartAndEndInEveryApiVersion(int apiVersion)
    {
        // cmd.exe started both net.exe processes, which have ended.
        var (_, events) = await LoadEventsAsync(fixture.Client, "process_name:cmd.exe", apiVersion);

        Assert.Equal(4, events.ChildProcs.Count);
        Assert.Equal(2, events.ChildProcs.Count(c => !c.IsTerminated));
        Assert.Equal(2, events.ChildProcs.Count(c => c.IsTerminated));
        Assert.All(events.ChildProcs, c => Assert.EndsWith("net.exe", c.Path, StringComparison.OrdinalIgnoreCase));
        Assert.All(events.ChildProcs, c => Assert.True(ProcessGuid.TrySplitUniqueId(c.ChildUniqueId, out _, out var segment) && segment is not null));
        Assert.Contains(events.ChildProcs, c => c.Pid == 0x0ad4);
        if (apiVersion >= 3)
        {
            Assert.Contains(events.ChildProcs, c => c.CommandLine == @"net  use y: \\test\blah");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task FileModsAndCrossProcsDecode(int apiVersion)
    {
        var (process, events) = await LoadEventsAsync(fixture.Client, "process_name:mimikatz.exe", apiVersion);

        var filemod = Assert.Single(events.FileMods);
        Assert.Equal(FileModType.CreatedFile, filemod.Type);
        Assert.Equal(@"c:\users\jdoe\appdata\local\temp\lsass.dmp", filemod.Path);
        Assert.False(filemod.IsTampered);

        var crossproc = Assert.Single(events.CrossProcs);
        Assert.Equal(CrossProcType.ProcessOpen, crossproc.Type);
        Assert.Equal(2_097_151, crossproc.PrivilegeCode);
        Assert.Equal("PROCESS_ALL_ACCESS", crossproc.Privileges);
        Assert.True(crossproc.HasPermission("PROCESS_VM_READ"));
        Assert.EndsWith("lsass.exe", crossproc.TargetPath, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(process.UniqueId, crossproc.SourceProcessUniqueId);
    }

    [Fact]
    public void PipeStringsOfEveryKindDecode()
    {
        var process = new Process();
        using var document = JsonDocument.Parse("""
            {"process": {
              "modload_complete": ["2013-09-19 22:07:07.000000|f404e59db6a0f122ab26bf4f3e2fd0fa|c:\\windows\\system32\\dxgi.dll"],
              "filemod_complete": ["8|2013-09-16 07:11:58.000000|c:\\temp\\a.exe|d41d8cd98f00b204e9800998ecf8427e|1|true", ""],
              "regmod_complete": ["4|2013-09-19 22:07:07.000000|\\registry\\machine\\software\\x|false"],
              "netconn_complete": ["2013-09-16 07:11:59.000000|-1979811809|80|17|dl.javafx.com|false", "2013-09-16 07:11:59.000000|bad|80|99|x|true"],
              "childproc_complete": ["2014-01-23 09:19:08.331|8832db0c-6b84-fc4b-0000-000000000001-00000001|51138beea3e2c21ec44d0932c71762a8|c:\\windows\\system32\\rundll32.exe|6980|true|false"],
              "crossproc_complete": ["ProcessOpen|2014-01-23 09:19:08.331|00000001-0000-0001-01d2-000000000000-00000001|aa|c:\\x.exe|2|2048|false|true"],
              "processblock_complete": ["{\"timestamp\":\"2016-01-01 00:00:00\",\"block_type\":1,\"blocked_md5\":\"ab\",\"blocked_path\":\"c:\\\\bad.exe\"}"]
            }}
            """);
        var events = process.DecodeEvents(document.RootElement);

        Assert.Equal(new DateTimeOffset(2013, 9, 19, 22, 7, 7, TimeSpan.Zero), events.ModLoads[0].Timestamp);
        var filemod = Assert.Single(events.FileMods); // the empty string is no event
        Assert.Equal(FileModType.LastWrote, filemod.Type);
        Assert.Equal(FileModFileType.PE, filemod.FileType);
        Assert.True(filemod.IsTampered);
        Assert.Equal(RegModType.DeletedKey, events.RegMods[0].Type);
        Assert.Equal("137.254.120.31", events.NetConns[0].RemoteIp);
        Assert.Equal("IPPROTO_UDP", events.NetConns[0].Protocol);
        Assert.Equal("Inbound", events.NetConns[0].Direction);
        Assert.Equal("0.0.0.0", events.NetConns[1].RemoteIp);
        Assert.Equal("Unknown", events.NetConns[1].Protocol);
        Assert.False(events.ChildProcs[0].IsTerminated);
        Assert.Equal(6980, events.ChildProcs[0].Pid);
        var crossproc = events.CrossProcs[0];
        Assert.Equal(CrossProcType.ThreadOpen, crossproc.Type);
        Assert.True(crossproc.IsTarget);
        Assert.Equal("PROCESS_SUSPEND_RESUME", crossproc.Privileges);
        Assert.Equal("c:\\bad.exe", events.ProcessBlocks[0].BlockedPath);
    }

    private static async Task<(Process Process, ProcessEvents Events)> LoadEventsAsync(CbResponseClient client, string query, int apiVersion)
    {
        using var search = await client.SendJsonAsync(HttpMethod.Get, "/api/v1/process?q=" + Uri.EscapeDataString(query) + "&rows=1");
        var row = search!.RootElement.GetProperty("results")[0];
        var process = new Process();
        process.LoadJson(System.Text.Encoding.UTF8.GetBytes(row.GetRawText()));
        using var document = await client.SendJsonAsync(HttpMethod.Get,
            $"/api/v{apiVersion}/process/{process.Id}/{process.SegmentId}/event");
        return (process, process.DecodeEvents(document!.RootElement));
    }
}
