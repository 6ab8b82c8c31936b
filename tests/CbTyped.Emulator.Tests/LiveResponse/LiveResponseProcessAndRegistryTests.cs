using System.Text;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests.LiveResponse;

/// <summary>The process and registry commands against the seeded endpoint.</summary>
public sealed class LiveResponseProcessAndRegistryTests : FreshEmulatorTest
{
    private const int AlreadyExists = unchecked((int)0x800700B7);

    private LiveResponseDriver Driver => new(Client);

    [Fact]
    public async Task Process_list_returns_the_seeded_processes_with_every_member()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var processes = (await Driver.RunOkAsync(sid, "process list"))["processes"]!.AsArray();
        Assert.Equal([(4, 0), (2888, 4), (5012, 2888)], processes.Select(p => ((int)p!["pid"]!, (int)p["parent"]!)));
        var shell = processes[2]!;
        Assert.Equal("c:\\windows\\system32\\cmd.exe", (string?)shell["path"]);
        Assert.Equal("\"C:\\Windows\\system32\\cmd.exe\"", (string?)shell["command_line"]);
        Assert.Equal("WIN-IA9NQ1GN8OI\\bit9rad", (string?)shell["username"]);
        Assert.Equal((string?)processes[1]!["proc_guid"], (string?)shell["parent_guid"]);
        Assert.StartsWith("00000003-0000-1394-", (string?)shell["proc_guid"], StringComparison.Ordinal);
        Assert.True((long)shell["create_time"]! > (long)processes[0]!["create_time"]!);
        Assert.Equal("SYSTEM", (string?)processes[0]!["username"]);
        Assert.Equal("s-1-5-18", (string?)processes[0]!["sid"]);
        Assert.Equal("", (string?)processes[0]!["command_line"]);
        Assert.Equal("c:\\windows\\explorer.exe", (string?)processes[1]!["path"]);
        Assert.Equal("C:\\Windows\\Explorer.EXE", (string?)processes[1]!["command_line"]);
    }

    [Fact]
    public async Task Kill_ends_a_running_process_and_an_unknown_pid_is_invalid_argument()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        await Driver.RunOkAsync(sid, "kill", 5012);
        var pids = (await Driver.RunOkAsync(sid, "process list"))["processes"]!.AsArray().Select(p => (int)p!["pid"]!);
        Assert.Equal([4, 2888], pids);
        Assert.Equal(LiveResponseDriver.InvalidArgument, await Driver.RunErrorAsync(sid, "kill", 5012));
        Assert.Equal(LiveResponseDriver.InvalidArgument, await Driver.RunErrorAsync(sid, "kill", 12345));
    }

    [Fact]
    public async Task Create_process_answers_new_pids_and_writes_its_output_file()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var first = await Driver.RunOkAsync(sid, "create process", "cmd.exe /c whoami", new JsonObject
        {
            ["wait"] = true,
            ["output_file"] = "c:\\windows\\temp\\cblr.abcdefghijkl.tmp",
        });
        Assert.Equal(6000, (int)first["pid"]!);
        Assert.Equal(0, (int)first["return_code"]!);
        Assert.Equal("c:\\windows\\temp\\cblr.abcdefghijkl.tmp", (string?)first["output_file"]);
        Assert.Equal("emulated output of: cmd.exe /c whoami\r\n",
            Encoding.ASCII.GetString(await Driver.GetFileBytesAsync(sid, "c:\\windows\\temp\\cblr.abcdefghijkl.tmp")));

        var second = await Driver.RunOkAsync(sid, "create process", "notepad.exe", new JsonObject
        {
            ["wait"] = false,
            ["working_directory"] = "c:\\users\\public",
            ["output_file"] = "out.txt",
        });
        Assert.Equal(6001, (int)second["pid"]!);
        Assert.Equal(["out.txt", "readme.txt"], await Driver.ListNamesAsync(sid, "c:\\users\\public\\"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "create process", "x.exe",
            new JsonObject { ["wait"] = true, ["output_file"] = "c:\\missing\\out.txt" }));
    }

    [Fact]
    public async Task Reg_enum_key_lists_the_values_and_sub_keys()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        foreach (var key in new[] { "HKLM\\SOFTWARE\\CbTyped", "hklm\\software\\cbtyped", "HKEY_LOCAL_MACHINE\\SOFTWARE\\CbTyped\\" })
        {
            var result = await Driver.RunOkAsync(sid, "reg enum key", key);
            Assert.Equal(["Sub"], result["sub_keys"]!.AsArray().Select(k => (string)k!));
            var values = result["values"]!.AsArray();
            Assert.Equal([("Version", "REG_SZ", "1.0"), ("Count", "REG_DWORD", "3")],
                values.Select(v => ((string)v!["value_name"]!, (string)v["value_type"]!, v["value_data"]!.ToJsonString().Trim('"'))));
        }

        var sub = await Driver.RunOkAsync(sid, "reg enum key", "HKLM\\SOFTWARE\\CbTyped\\Sub");
        Assert.Empty(sub["values"]!.AsArray());
        Assert.Empty(sub["sub_keys"]!.AsArray());
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "reg enum key", "HKLM\\SOFTWARE\\Missing"));
    }

    [Fact]
    public async Task Reg_query_value_answers_one_value()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var value = (await Driver.RunOkAsync(sid, "reg query value", "HKLM\\SOFTWARE\\CbTyped\\Count"))["value"]!;
        Assert.Equal("Count", (string?)value["value_name"]);
        Assert.Equal("REG_DWORD", (string?)value["value_type"]);
        Assert.Equal(3, (int)value["value_data"]!);
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "reg query value", "HKLM\\SOFTWARE\\CbTyped\\Missing"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "reg query value", "HKLM\\SOFTWARE\\Missing\\Count"));
    }

    [Fact]
    public async Task Reg_set_value_stores_the_type_and_data_and_respects_overwrite()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        await Driver.RunOkAsync(sid, "reg set value", "HKLM\\SOFTWARE\\CbTyped\\Paths", new JsonObject
        {
            ["value_type"] = "REG_MULTI_SZ",
            ["value_data"] = new JsonArray("c:\\a", "c:\\b"),
            ["overwrite"] = true,
        });
        var value = (await Driver.RunOkAsync(sid, "reg query value", "HKLM\\SOFTWARE\\CbTyped\\Paths"))["value"]!;
        Assert.Equal("REG_MULTI_SZ", (string?)value["value_type"]);
        Assert.Equal(["c:\\a", "c:\\b"], value["value_data"]!.AsArray().Select(s => (string)s!));

        Assert.Equal(AlreadyExists, await Driver.RunErrorAsync(sid, "reg set value", "HKLM\\SOFTWARE\\CbTyped\\Count", new JsonObject
        {
            ["value_type"] = "REG_DWORD", ["value_data"] = 9, ["overwrite"] = false,
        }));
        await Driver.RunOkAsync(sid, "reg set value", "HKLM\\SOFTWARE\\CbTyped\\Count", new JsonObject
        {
            ["value_type"] = "REG_DWORD", ["value_data"] = 9, ["overwrite"] = true,
        });
        Assert.Equal(9, (int)(await Driver.RunOkAsync(sid, "reg query value", "HKLM\\SOFTWARE\\CbTyped\\Count"))["value"]!["value_data"]!);
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "reg set value", "HKLM\\SOFTWARE\\Missing\\X", new JsonObject
        {
            ["value_type"] = "REG_SZ", ["value_data"] = "x", ["overwrite"] = true,
        }));
    }

    [Fact]
    public async Task Reg_create_and_delete_key_and_delete_value_change_what_enum_shows()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        await Driver.RunOkAsync(sid, "reg create key", "HKLM\\SOFTWARE\\CbTyped\\New\\Deeper");
        var keys = await SubKeysAsync(sid, "HKLM\\SOFTWARE\\CbTyped");
        Assert.Equal(["New", "Sub"], keys);
        Assert.Equal(["Deeper"], await SubKeysAsync(sid, "HKLM\\SOFTWARE\\CbTyped\\New"));

        // RegDeleteKey refuses a key that still has sub keys.
        Assert.Equal(unchecked((int)0x80070005), await Driver.RunErrorAsync(sid, "reg delete key", "HKLM\\SOFTWARE\\CbTyped\\New"));
        await Driver.RunOkAsync(sid, "reg delete key", "HKLM\\SOFTWARE\\CbTyped\\New\\Deeper");
        await Driver.RunOkAsync(sid, "reg delete key", "HKLM\\SOFTWARE\\CbTyped\\New");
        await Driver.RunOkAsync(sid, "reg delete key", "HKLM\\SOFTWARE\\CbTyped\\Sub");
        Assert.Empty(await SubKeysAsync(sid, "HKLM\\SOFTWARE\\CbTyped"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "reg delete key", "HKLM\\SOFTWARE\\CbTyped\\Sub"));

        await Driver.RunOkAsync(sid, "reg delete value", "HKLM\\SOFTWARE\\CbTyped\\Version");
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "reg query value", "HKLM\\SOFTWARE\\CbTyped\\Version"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "reg delete value", "HKLM\\SOFTWARE\\CbTyped\\Version"));
        var values = (await Driver.RunOkAsync(sid, "reg enum key", "HKLM\\SOFTWARE\\CbTyped"))["values"]!.AsArray();
        Assert.Equal(["Count"], values.Select(v => (string)v!["value_name"]!));
    }

    private async Task<List<string>> SubKeysAsync(int sid, string key) =>
        [.. (await Driver.RunOkAsync(sid, "reg enum key", key))["sub_keys"]!.AsArray().Select(k => (string)k!)];
}
