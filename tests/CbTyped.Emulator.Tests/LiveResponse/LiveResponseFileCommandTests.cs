using System.Text;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests.LiveResponse;

/// <summary>The file commands against the seeded Windows file system.</summary>
public sealed class LiveResponseFileCommandTests : FreshEmulatorTest
{
    private LiveResponseDriver Driver => new(Client);

    [Theory]
    [InlineData("c:\\windows\\")]
    [InlineData("c:\\windows\\*")]
    [InlineData("c:\\windows")]
    [InlineData("C:/Windows/")]
    public async Task Directory_list_returns_the_children_only(string path)
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var result = await Driver.RunOkAsync(sid, "directory list", path);
        var files = result["files"]!.AsArray();
        Assert.Equal(["system32", "temp"], files.Select(f => (string)f!["filename"]!));
        foreach (var entry in files)
        {
            Assert.Equal(["DIRECTORY"], entry!["attributes"]!.AsArray().Select(a => (string)a!));
            Assert.Equal(0, (long)entry["size"]!);
            Assert.True((long)entry["create_time"]! > 1_400_000_000);
            Assert.True((long)entry["last_write_time"]! >= (long)entry["create_time"]!);
            Assert.True((long)entry["last_access_time"]! > 0);
        }
    }

    [Fact]
    public async Task Directory_list_shows_files_with_their_size_and_empty_and_filtered_directories()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var readme = Assert.Single((await Driver.RunOkAsync(sid, "directory list", "c:\\users\\public\\"))["files"]!.AsArray())!;
        Assert.Equal("readme.txt", (string?)readme["filename"]);
        Assert.Equal(["ARCHIVE"], readme["attributes"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(23, (long)readme["size"]!);
        Assert.Empty(await Driver.ListNamesAsync(sid, "c:\\windows\\temp\\"));
        Assert.Equal(["windows", "users", "programdata"], (await Driver.ListNamesAsync(sid, "c:\\*")).OrderDescending());
        Assert.Equal(["hosts"], await Driver.ListNamesAsync(sid, "c:\\windows\\system32\\drivers\\etc\\h*"));
        Assert.Empty(await Driver.ListNamesAsync(sid, "c:\\windows\\system32\\drivers\\etc\\*.exe"));
        Assert.Equal(["drivers"], await Driver.ListNamesAsync(sid, "c:\\windows\\system32\\"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "directory list", "c:\\nowhere\\"));
    }

    [Fact]
    public async Task A_junction_is_listed_as_a_reparse_point_and_listing_it_is_access_denied()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var junction = Assert.Single((await Driver.RunOkAsync(sid, "directory list", "c:\\programdata\\"))["files"]!.AsArray())!;
        Assert.Equal("Application Data", (string?)junction["filename"]);
        Assert.Equal(["HIDDEN", "SYSTEM", "DIRECTORY", "REPARSE_POINT", "NOT_CONTENT_INDEXED"], junction["attributes"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(unchecked((int)0x80070005), await Driver.RunErrorAsync(sid, "directory list", "c:\\programdata\\application data\\*"));
    }

    [Fact]
    public async Task Get_file_answers_a_file_id_whose_content_is_the_file()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        // cbapi reads file_id from the POST answer; the file itself exists once the command completes.
        var posted = await Driver.PostCommandAsync(sid, "get file", "c:\\windows\\system32\\drivers\\etc\\hosts");
        var fileId = (int)posted["file_id"]!;
        var (status, _) = await Client.SendJsonAsync(HttpMethod.Get, $"/api/v1/cblr/session/{sid}/file/{fileId}");
        Assert.Equal(404, status);
        var result = await Driver.GetCommandAsync(sid, (int)posted["id"]!);
        Assert.Equal("complete", (string?)result["status"]);
        Assert.Equal(fileId, (int)result["file_id"]!);
        var metadata = await Client.GetJsonAsync($"/api/v1/cblr/session/{sid}/file/{fileId}");
        Assert.Equal(fileId, (int)metadata["id"]!);
        Assert.Equal(sid, (int)metadata["session_id"]!);
        Assert.Equal(21, (long)metadata["size"]!);
        Assert.Equal(21, (long)metadata["size_uploaded"]!);
        Assert.Equal(0, (int)metadata["status"]!);
        Assert.False((bool)metadata["delete"]!);

        Assert.Equal("127.0.0.1 localhost\r\n", Encoding.ASCII.GetString(await Driver.GetFileBytesAsync(sid, "C:\\WINDOWS\\System32\\Drivers\\ETC\\HOSTS")));
        Assert.Equal("hello from the emulator", Encoding.ASCII.GetString(await Driver.GetFileBytesAsync(sid, "c:\\users\\public\\readme.txt")));
        Assert.Equal("hello from the emulator", Encoding.ASCII.GetString(await Driver.GetFileBytesAsync(sid, "..\\..\\users\\public\\readme.txt")));
        // One file per "get file": the first one above and the three reads.
        Assert.Equal([1, 2, 3, 4], (await Client.GetJsonAsync($"/api/v1/cblr/session/{sid}/file")).AsArray().Select(f => (int)f!["id"]!));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "get file", "c:\\windows\\missing.txt"));
    }

    [Fact]
    public async Task An_uploaded_file_put_on_the_endpoint_reads_back_the_same()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        var payload = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        var (status, body) = await Driver.UploadAsync(sid, "payload.bin", payload);
        Assert.Equal(200, status);
        var fileId = (int)body!["id"]!;
        var metadata = await Client.GetJsonAsync($"/api/v1/cblr/session/{sid}/file/{fileId}");
        Assert.Equal("payload.bin", (string?)metadata["file_name"]);
        Assert.Equal(payload.Length, (int)metadata["size"]!);

        await Driver.RunOkAsync(sid, "put file", "c:\\windows\\temp\\payload.bin", new JsonObject { ["file_id"] = fileId });
        Assert.Equal(payload, await Driver.GetFileBytesAsync(sid, "c:\\windows\\temp\\payload.bin"));
        var listed = Assert.Single((await Driver.RunOkAsync(sid, "directory list", "c:\\windows\\temp\\"))["files"]!.AsArray())!;
        Assert.Equal(payload.Length, (int)listed["size"]!);

        // Overwriting is allowed; a missing directory or an unknown upload is an error.
        await Driver.RunOkAsync(sid, "put file", "c:\\users\\public\\readme.txt", new JsonObject { ["file_id"] = fileId });
        Assert.Equal(payload, await Driver.GetFileBytesAsync(sid, "c:\\users\\public\\readme.txt"));
        Assert.Equal(LiveResponseDriver.FileNotFound,
            await Driver.RunErrorAsync(sid, "put file", "c:\\nowhere\\payload.bin", new JsonObject { ["file_id"] = fileId }));
        Assert.Equal(LiveResponseDriver.InvalidArgument,
            await Driver.RunErrorAsync(sid, "put file", "c:\\windows\\temp\\x.bin", new JsonObject { ["file_id"] = 99 }));
    }

    [Fact]
    public async Task Delete_file_removes_it_for_this_and_later_sessions_of_the_sensor_only()
    {
        var sid = await Driver.OpenActiveSessionAsync(3);
        await Driver.RunOkAsync(sid, "delete file", "c:\\users\\public\\readme.txt");
        Assert.Empty(await Driver.ListNamesAsync(sid, "c:\\users\\public\\"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "get file", "c:\\users\\public\\readme.txt"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "delete file", "c:\\users\\public\\readme.txt"));

        var later = await Driver.OpenActiveSessionAsync(3);
        Assert.Empty(await Driver.ListNamesAsync(later, "c:\\users\\public\\"));
        var otherSensor = await Driver.OpenActiveSessionAsync(4);
        Assert.Equal(["readme.txt"], await Driver.ListNamesAsync(otherSensor, "c:\\users\\public\\"));
    }

    [Fact]
    public async Task Create_directory_makes_an_empty_directory_in_an_existing_one()
    {
        var sid = await Driver.OpenActiveSessionAsync();
        await Driver.RunOkAsync(sid, "create directory", "c:\\windows\\temp\\cases");
        var entry = Assert.Single((await Driver.RunOkAsync(sid, "directory list", "c:\\windows\\temp\\"))["files"]!.AsArray())!;
        Assert.Equal("cases", (string?)entry["filename"]);
        Assert.Equal(["DIRECTORY"], entry["attributes"]!.AsArray().Select(a => (string)a!));
        Assert.Empty(await Driver.ListNamesAsync(sid, "c:\\windows\\temp\\cases\\"));
        Assert.Equal(LiveResponseDriver.FileNotFound, await Driver.RunErrorAsync(sid, "create directory", "c:\\missing\\cases"));
    }

    [Theory]
    [InlineData(false, "c:\\windows\\temp\\mem.dmp")]
    [InlineData(true, "c:\\windows\\temp\\mem.dmp.zip")]
    public async Task Memdump_writes_the_dump_where_the_client_fetches_it(bool compress, string written)
    {
        var sid = await Driver.OpenActiveSessionAsync();
        await Driver.RunOkAsync(sid, "memdump", "c:\\windows\\temp\\mem.dmp", new JsonObject { ["compress"] = compress });
        Assert.Equal([written[(written.LastIndexOf('\\') + 1)..]], await Driver.ListNamesAsync(sid, "c:\\windows\\temp\\"));
        Assert.Equal("MDMP emulated memory dump", Encoding.ASCII.GetString(await Driver.GetFileBytesAsync(sid, written)));
    }
}
