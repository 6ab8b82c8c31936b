using System.IO.Compression;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Binary search, summary, icon and the zip download with <c>filedata</c> + <c>metadata</c>.</summary>
internal static class BinaryEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapMethods("/api/v1/binary", ["GET", "POST"], async (HttpRequest request) =>
        {
            var parameters = await SearchParameters.ReadAsync(request);
            return SearchResponder.Respond(state, parameters, () => state.BinaryIndex, SearchResponder.BinaryFacets,
                ordinal => BinaryJson.Document(state, state.Binaries[ordinal]));
        });

        app.MapGet("/api/v1/binary/{md5}/summary", (string md5) =>
        {
            lock (state.Gate)
            {
                return state.FindBinary(md5) is { } binary ? Http.Json(BinaryJson.Document(state, binary)) : Http.NotFound("Binary " + md5);
            }
        });

        app.MapGet("/api/v1/binary/{md5}/icon", (string md5) =>
        {
            lock (state.Gate)
            {
                return state.FindBinary(md5) is null ? Http.NotFound("Binary " + md5) : Results.Bytes(Icons.SmallPng, "image/png");
            }
        });

        app.MapGet("/api/v1/binary/{md5}", async (string md5, HttpContext context) =>
        {
            BinaryRecord? binary;
            lock (state.Gate)
            {
                binary = state.FindBinary(md5);
            }

            if (binary is null)
            {
                await Http.NotFound("Binary " + md5).ExecuteAsync(context);
                return;
            }

            await WriteZipAsync(context, binary);
        });
    }

    /// <summary>
    /// Streams the zip straight to the response: the file content is generated chunk by chunk, so even a 100 MB
    /// binary never sits in memory. ZipArchive writes synchronously, hence AllowSynchronousIO for this response only.
    /// </summary>
    private static async Task WriteZipAsync(HttpContext context, BinaryRecord binary)
    {
        context.Response.ContentType = "application/zip";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"" + binary.Md5 + ".zip\"";
        var syncIo = context.Features.Get<IHttpBodyControlFeature>();
        if (syncIo is not null)
        {
            syncIo.AllowSynchronousIO = true;
        }

        await context.Response.StartAsync(context.RequestAborted);
        await using var buffered = new BufferedStream(context.Response.Body, 64 * 1024);
        using (var zip = new ZipArchive(buffered, ZipArchiveMode.Create, leaveOpen: true))
        {
            var level = binary.Size > 8 * 1024 * 1024 ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
            var data = zip.CreateEntry("filedata", level);
            data.LastWriteTime = new DateTimeOffset(binary.ServerAdded);
            await using (var entry = data.Open())
            {
                await BinaryContent.WriteAsync(entry, binary, context.RequestAborted);
            }

            var metadata = zip.CreateEntry("metadata", CompressionLevel.Fastest);
            metadata.LastWriteTime = new DateTimeOffset(binary.ServerAdded);
            await using (var entry = metadata.Open())
            {
                var text = "Timestamp : " + CbTime.Solr(binary.ServerAdded) + "\nOrigFilename : " + binary.OriginalFilename
                    + "\nMD5 : " + binary.Md5 + "\nSize : " + binary.Size + "\n";
                await entry.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), context.RequestAborted);
            }
        }

        await buffered.FlushAsync(context.RequestAborted);
    }
}
