using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Investigations and tagged events, kept simple: list, create, tag, untag.</summary>
internal static class CaseEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/investigations", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.Investigations.Values.Select(i => i.DeepClone())]));
            }
        });

        app.MapGet("/api/tagged_event/{investigationId:int}", (int investigationId) =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.TaggedEvents.Values.Where(e => (int?)e["investigation_id"] == investigationId).Select(e => e.DeepClone())]));
            }
        });

        app.MapGet("/api/tagged_events/{processId}", (string processId) =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.TaggedEvents.Values
                    .Where(e => ((string?)e["unique_id"])?.StartsWith(processId, StringComparison.OrdinalIgnoreCase) == true).Select(e => e.DeepClone())]));
            }
        });

        app.MapPost("/api/tagged_event", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null || Http.AsInt(body["investigation_id"]) is not { } investigationId)
            {
                return Http.BadRequest("A tagged event needs an investigation_id");
            }

            lock (state.Gate)
            {
                if (!state.Investigations.ContainsKey(investigationId))
                {
                    return Http.NotFound("Investigation " + investigationId);
                }

                var id = state.NextTaggedEventId++;
                var tagged = body.DeepClone().AsObject();
                tagged["id"] = id;
                tagged["date_tagged"] = Json.CbTime.Postgres(state.Now);
                state.TaggedEvents[id] = tagged;
                return Http.Id(id);
            }
        });

        app.MapPut("/api/tagged_event/{id:int}", async (int id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            lock (state.Gate)
            {
                if (body is null || !state.TaggedEvents.TryGetValue(id, out var tagged))
                {
                    return body is null ? Http.BadRequest("The body must be a JSON object") : Http.NotFound("Tagged event " + id);
                }

                foreach (var (key, value) in body)
                {
                    if (key != "id")
                    {
                        tagged[key] = value?.DeepClone();
                    }
                }

                return Http.Success();
            }
        });

        app.MapDelete("/api/tagged_event/{id:int}", (int id) =>
        {
            lock (state.Gate)
            {
                return state.TaggedEvents.Remove(id) ? Http.Success() : Http.NotFound("Tagged event " + id);
            }
        });
    }
}
