using System.IO.Compression;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CbTyped.Emulator;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Cli.Tests;

/// <summary>
/// A binary the emulator's seed cannot hold, served through its <see cref="CbEmulator.Overrides"/>: a summary (a seed
/// binary's, with the fields the test changes) at <c>/api/v1/binary/{MD5}/summary</c> and a zip with the test's bytes
/// as <c>filedata</c> at <c>/api/v1/binary/{MD5}</c>.
/// </summary>
internal sealed class HostileBinary
{
    private HostileBinary(string md5, byte[] content, byte[] zip)
    {
        Md5 = md5;
        Content = content;
        Zip = zip;
    }

    /// <summary>The MD5 the user asks for (upper case).</summary>
    public string Md5 { get; }

    /// <summary>The file the zip holds.</summary>
    public byte[] Content { get; }

    /// <summary>The whole download.</summary>
    public byte[] Zip { get; }

    public string SummaryPath => "/api/v1/binary/" + Md5 + "/summary";

    public string DownloadPath => "/api/v1/binary/" + Md5;

    /// <summary>
    /// Serves <paramref name="content"/> as binary <paramref name="md5"/> (its own MD5 when null, so the download
    /// checks out), with the summary's <c>md5</c> field set to <paramref name="md5Field"/> (the MD5 when null).
    /// </summary>
    public static async Task<HostileBinary> ServeAsync(CbEmulator emulator, byte[] content, string? md5 = null, string? md5Field = null)
    {
        md5 ??= Md5Of(content);
        var binary = new HostileBinary(md5, content, ZipOf(content));
        var summary = await SeedSummaryAsync(emulator);
        summary["md5"] = md5Field ?? md5;
        summary["orig_mod_len"] = content.Length;
        emulator.Overrides.ServeJson(binary.SummaryPath, summary.ToJsonString());
        emulator.Overrides.ServeBytes(binary.DownloadPath, "application/zip", binary.Zip);
        return binary;
    }

    /// <summary>Content of <paramref name="size"/> deterministic bytes.</summary>
    public static byte[] Bytes(int size, int seed = 7)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Sends the headers and the first half of the zip, then waits (the connection open) until the client
    /// goes away: a download interrupted mid-body.</summary>
    public void StallHalfWay(CbEmulator emulator) => emulator.Overrides.Serve(DownloadPath, async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/zip";
        context.Response.ContentLength = Zip.Length;
        await context.Response.Body.WriteAsync(Zip.AsMemory(0, Zip.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    });

    /// <summary>Sends the headers and the first half of the zip, then drops the connection.</summary>
    public void DropHalfWay(CbEmulator emulator) => emulator.Overrides.Serve(DownloadPath, async context =>
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/zip";
        context.Response.ContentLength = Zip.Length;
        await context.Response.Body.WriteAsync(Zip.AsMemory(0, Zip.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    });

    /// <summary>The summary exists but the file is not stored: the download answers 404.</summary>
    public void NotStored(CbEmulator emulator) => emulator.Overrides.Serve(DownloadPath, context =>
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"reason\":\"not_found\",\"message\":\"Binary not stored\"}");
    });

    private static async Task<JsonObject> SeedSummaryAsync(CbEmulator emulator)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
        http.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Token);
        return (await http.GetFromJsonAsync<JsonObject>("/api/v1/binary/7FB55F5A62E78AF9B58D08AAEEAEF848/summary"))!;
    }

    // Cb Response keys binaries by MD5: the hash is the API's, not a security choice.
    private static string Md5Of(byte[] content)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(content);
        return Convert.ToHexString(md5.GetHashAndReset());
    }

    // A stored (uncompressed) filedata entry, so the first half of the zip holds the first bytes of the file.
    private static byte[] ZipOf(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var entry = zip.CreateEntry("filedata", CompressionLevel.NoCompression).Open())
                entry.Write(content);
            using (var metadata = zip.CreateEntry("metadata").Open())
                metadata.Write("MD5 : test\n"u8);
        }
        return buffer.ToArray();
    }
}
