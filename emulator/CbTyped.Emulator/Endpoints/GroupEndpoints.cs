using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// Sensor groups under every prefix cbapi versions use (<c>/api/group</c>, <c>/api/v2/group</c>,
/// <c>/api/v3/group</c>) and sites. A single group or site comes back as a one-element list.
/// </summary>
internal static class GroupEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        foreach (var prefix in new[] { "/api/group", "/api/v2/group", "/api/v3/group" })
        {
            app.MapGet(prefix, () => List(state, state.Groups));
            app.MapGet(prefix + "/{id:int}", (int id) => One(state, state.Groups, id, "Sensor group"));
            app.MapPost(prefix, (HttpRequest request) => CreateGroupAsync(state, request));
            app.MapPut(prefix + "/{id:int}", (int id, HttpRequest request) => UpdateGroupAsync(state, id, request));
            app.MapDelete(prefix + "/{id:int}", (int id) =>
            {
                lock (state.Gate)
                {
                    if (!state.Groups.ContainsKey(id))
                    {
                        return Http.NotFound("Sensor group " + id);
                    }

                    if (state.Sensors.Values.Any(s => s.GroupId == id))
                    {
                        return Http.Error(409, "conflict", "Sensor group " + id + " still has sensors; move them first");
                    }

                    state.Groups.Remove(id);
                    return Http.Success();
                }
            });
        }

        app.MapGet("/api/v1/group/{id:int}/installer/{*kind}", (int id, string kind) =>
        {
            lock (state.Gate)
            {
                if (!state.Groups.ContainsKey(id))
                {
                    return Http.NotFound("Sensor group " + id);
                }
            }

            var linux = kind.StartsWith("linux", StringComparison.OrdinalIgnoreCase);
            var bytes = System.Text.Encoding.ASCII.GetBytes("CbTyped emulator sensor installer for group " + id + " (" + kind + ")\n");
            return Results.File(bytes, linux ? "application/gzip" : "application/zip", linux ? "sensor-installer.tar.gz" : "sensor-installer.zip");
        });

        // Every group shares binaries' hashes with VirusTotal, as the seed server is configured.
        app.MapGet("/api/v1/group/{id:int}/datasharing", (int id) =>
        {
            lock (state.Gate)
            {
                return state.Groups.ContainsKey(id)
                    ? Http.Json(new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
                    {
                        ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-1",
                        ["group_id"] = id,
                        ["what"] = "BIN",
                        ["who"] = "VIRUSTOTAL",
                    }))
                    : Http.NotFound("Sensor group " + id);
            }
        });

        app.MapGet("/api/site", () => List(state, state.Sites));
        app.MapGet("/api/site/{id:int}", (int id) => One(state, state.Sites, id, "Site"));
        app.MapPost("/api/site", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null || Http.AsString(body["name"]) is not { Length: > 0 } name)
            {
                return Http.BadRequest("A site needs a name");
            }

            lock (state.Gate)
            {
                var id = state.NextSiteId++;
                var site = AdminDocuments.Site(id, name);
                var groups = new JsonArray();
                foreach (var (key, value) in body)
                {
                    if (key.StartsWith("group_", StringComparison.Ordinal) && Http.AsInt(value) is { } groupId && state.Groups.TryGetValue(groupId, out var group))
                    {
                        group["site_id"] = id;
                        groups.Add(groupId);
                    }
                }

                site["group_ids"] = groups;
                state.Sites[id] = site;
                return Http.Id(id);
            }
        });
        app.MapPost("/api/site/{id:int}", (int id, HttpRequest request) => MergeAsync(state, state.Sites, id, request, "Site"));
        app.MapPut("/api/site/{id:int}", (int id, HttpRequest request) => MergeAsync(state, state.Sites, id, request, "Site"));
        app.MapDelete("/api/site/{id:int}", (int id) =>
        {
            lock (state.Gate)
            {
                return id == 1 ? Http.Error(409, "conflict", "The default site cannot be deleted")
                    : state.Sites.Remove(id) ? Http.Success() : Http.NotFound("Site " + id);
            }
        });
    }

    /// <summary>A renamed group shows under its new name in process and binary search too, as a sensor move does.</summary>
    private static async Task<IResult> UpdateGroupAsync(EmulatorState state, int id, HttpRequest request)
    {
        var result = await MergeAsync(state, state.Groups, id, request, "Sensor group");
        lock (state.Gate)
        {
            foreach (var sensor in state.Sensors.Values.Where(s => s.GroupId == id).ToList())
            {
                SensorEndpoints.Reindex(state, sensor);
            }
        }

        return result;
    }

    private static async Task<IResult> CreateGroupAsync(EmulatorState state, HttpRequest request)
    {
        var body = await Http.ReadObjectAsync(request);
        if (body is null || Http.AsString(body["name"]) is not { Length: > 0 } name)
        {
            return Http.BadRequest("A sensor group needs a name");
        }

        var siteId = Http.AsInt(body["site_id"]) ?? Http.AsInt(body["site"]) ?? 1;
        lock (state.Gate)
        {
            if (!state.Sites.ContainsKey(siteId))
            {
                return Http.BadRequest("Unknown site_id " + siteId);
            }

            if (state.Groups.Values.Any(g => string.Equals((string?)g["name"], name, StringComparison.OrdinalIgnoreCase)))
            {
                return Http.Error(409, "conflict", "A sensor group named '" + name + "' already exists");
            }

            var id = state.NextGroupId++;
            var group = AdminDocuments.Group(id, name, siteId);
            foreach (var (key, value) in body)
            {
                if (key is not ("id" or "site" or "name" or "site_id") && value is not null)
                {
                    group[key] = value.DeepClone();
                }
            }

            state.Groups[id] = group;
            return Http.Id(id);
        }
    }

    private static IResult List(EmulatorState state, SortedDictionary<int, JsonObject> documents)
    {
        lock (state.Gate)
        {
            return Http.Json(new JsonArray([.. documents.Values.Select(d => d.DeepClone())]));
        }
    }

    private static IResult One(EmulatorState state, SortedDictionary<int, JsonObject> documents, int id, string what)
    {
        lock (state.Gate)
        {
            return documents.TryGetValue(id, out var document)
                ? Http.Json(new JsonArray(document.DeepClone()))
                : Http.NotFound(what + " " + id);
        }
    }

    /// <summary>PUT merges the body into the stored document, so fields the client did not send survive.</summary>
    private static async Task<IResult> MergeAsync(EmulatorState state, SortedDictionary<int, JsonObject> documents, int id, HttpRequest request, string what)
    {
        var body = await Http.ReadObjectAsync(request);
        if (body is null)
        {
            return Http.BadRequest("The body must be a JSON object");
        }

        lock (state.Gate)
        {
            if (!documents.TryGetValue(id, out var document))
            {
                return Http.NotFound(what + " " + id);
            }

            foreach (var (key, value) in body)
            {
                if (key != "id")
                {
                    document[key] = value?.DeepClone();
                }
            }

            return Http.Success();
        }
    }
}
