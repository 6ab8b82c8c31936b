using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>A session's files: multipart upload (for <c>put file</c>), metadata, and raw content (from <c>get file</c>).</summary>
internal static class LiveResponseFileEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        const string Files = LiveResponseEndpoints.Base + "/session/{sid:int}/file";

        app.MapPost(Files, async (int sid, HttpRequest request) =>
        {
            // Checked before the body is read so an upload to a closed session fails fast, and again after (it may close meanwhile).
            if (!LiveResponseEndpoints.IsOpenSession(state, sid))
            {
                return LiveResponseEndpoints.SessionNotFound(sid);
            }

            if (!request.HasFormContentType)
            {
                return Http.Json(new JsonObject { ["reason"] = "Expected multipart/form-data with a part named file" }, 400);
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form.Files.GetFile("file") is not { } part)
            {
                return Http.Json(new JsonObject { ["reason"] = "Expected multipart/form-data with a part named file" }, 400);
            }

            using var content = new MemoryStream();
            await part.CopyToAsync(content, request.HttpContext.RequestAborted);
            var bytes = content.ToArray();
            return LiveResponseEndpoints.OnOpenSession(state, sid, session => Http.Id(session.AddFile(part.FileName, bytes).Id));
        });

        app.MapGet(Files, (int sid) => LiveResponseEndpoints.WithSession(state, sid, session =>
            Http.Json(new JsonArray([.. session.Files.Values.Select(f => (JsonNode)LiveResponseJson.File(f))]))));

        app.MapGet(Files + "/{fid:int}", (int sid, int fid) => LiveResponseEndpoints.WithSession(state, sid, session =>
            session.Files.TryGetValue(fid, out var file) ? Http.Json(LiveResponseJson.File(file)) : LiveResponseEndpoints.NotFound("File " + fid)));

        app.MapGet(Files + "/{fid:int}/content", (int sid, int fid) => LiveResponseEndpoints.WithSession(state, sid, session =>
            session.Files.TryGetValue(fid, out var file)
                ? Results.Bytes(file.Content, "application/octet-stream")
                : LiveResponseEndpoints.NotFound("File " + fid)));
    }
}
