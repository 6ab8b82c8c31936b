using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>The generated data: deterministic, linked, and the large binary streams.</summary>
public sealed class DataSetTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_answers_and_another_seed_does_not()
    {
        async Task<string> PageAsync(int seed)
        {
            await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Processes = 3_000, Seed = seed });
            using var client = new EmulatorClient(emulator);
            var page = await client.GetJsonAsync("/api/v1/process?q=process_name%3Anet.exe&rows=20&sort=start+asc");
            page.AsObject().Remove("elapsed");
            return page.ToJsonString();
        }

        var first = await PageAsync(11);
        Assert.Equal(first, await PageAsync(11));
        Assert.NotEqual(first, await PageAsync(12));
    }

    [Fact]
    public async Task Bulk_processes_link_to_real_parents_and_keep_the_seed_answers()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Processes = 5_000, Seed = 3 });
        using var client = new EmulatorClient(emulator);
        Assert.Equal(5_000 + 15, emulator.ProcessCount); // the seed scenario has 15 processes
        var all = await client.GetJsonAsync("/api/v1/process?q=&rows=0");
        Assert.Equal(emulator.ProcessCount, (int)all["total_results"]!);

        var shells = await client.GetJsonAsync("/api/v1/process?q=process_name%3Aipconfig.exe&rows=5");
        Assert.True((int)shells["total_results"]! > 0);
        foreach (var item in shells["results"]!.AsArray())
        {
            var summary = await client.GetJsonAsync($"/api/v1/process/{(string)item!["parent_id"]!}/0?children=200");
            Assert.Equal("cmd.exe", (string?)summary["process"]!["process_name"]);
            Assert.Equal((int)item["sensor_id"]!, (int)summary["process"]!["sensor_id"]!);
            Assert.Contains((string)item["id"]!, summary["children"]!.AsArray().Select(c => (string)c!["id"]!));
        }

        var netUse = await client.GetJsonAsync("/api/v1/process?q=process_name%3Anet.exe+cmdline%3A%5C%5Ctest%5Cblah&rows=0");
        Assert.Equal(2, (int)netUse["total_results"]!);
        var hostname = await client.GetJsonAsync("/api/v2/sensor?hostname=HOSTNAME&rows=0&start=0");
        Assert.Equal(1, (int)hostname["total_results"]!);
        Assert.True((await client.GetJsonAsync("/api/v1/sensor")).AsArray().Count > 5);
    }

    [Fact]
    public async Task The_large_binary_streams_its_full_length()
    {
        const long size = 12 * 1024 * 1024 + 17;
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { LargeBinarySize = size });
        using var client = new EmulatorClient(emulator);
        var summary = await client.GetJsonAsync($"/api/v1/binary/{CbEmulator.LargeBinaryMd5}/summary");
        Assert.Equal(size, (long)summary["orig_mod_len"]!);

        using var response = await client.Http.GetAsync($"/api/v1/binary/{CbEmulator.LargeBinaryMd5}", HttpCompletionOption.ResponseHeadersRead);
        Assert.Null(response.Content.Headers.ContentLength); // streamed, not buffered
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        await using var data = zip.GetEntry("filedata")!.Open();
        var buffer = new byte[81920];
        long total = 0;
        int read;
        var first = true;
        while ((read = await data.ReadAsync(buffer)) > 0)
        {
            if (first)
            {
                Assert.Equal((byte)'M', buffer[0]);
                Assert.Equal((byte)'Z', buffer[1]);
                first = false;
            }

            total += read;
        }

        Assert.Equal(size, total);
    }

    [Fact]
    public async Task A_5_x_persona_uses_segment_1_and_refuses_partitions()
    {
        await using var emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { ServerVersion = "5.1.1.60603" });
        using var client = new EmulatorClient(emulator);
        var page = await client.GetJsonAsync("/api/v1/process?q=process_name%3Anet.exe&rows=1");
        var item = page["results"]![0]!;
        Assert.Equal(1, (long)item["segment_id"]!);
        Assert.EndsWith("-00000001", (string)item["unique_id"]!, StringComparison.Ordinal);
        Assert.Null(page["comprehensive_search"]);
        using var partitions = await client.Http.GetAsync("/api/v1/storage/events/partition");
        Assert.Equal(403, (int)partitions.StatusCode);
        var (status, _) = await client.SendJsonAsync(HttpMethod.Get, $"/api/v2/process/{(string)item["id"]!}/1");
        Assert.Equal(200, status);
    }
}
