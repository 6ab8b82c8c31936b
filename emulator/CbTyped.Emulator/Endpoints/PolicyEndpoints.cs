using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>
/// Site throttle rules (<c>/api/throttle</c>) and ingress filters
/// (<c>/api/v1/ingress_whitelist</c>): list, get, create, update (merge), delete.
/// </summary>
internal static class PolicyEndpoints
{
    /// <summary>Fields of a filter only the server writes: a client's values are ignored.</summary>
    private static readonly HashSet<string> FilterServerFields =
        ["id", "create_timestamp", "modify_timestamp", "create_user_id", "modify_user_id", "hit_rate", "version"];

    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        MapThrottleRules(app, state);
        MapIngressFilters(app, state);
    }

    private static void MapThrottleRules(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/throttle", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.ThrottleRules.Values.Select(r => r.DeepClone())]));
            }
        });
        app.MapGet("/api/throttle/{id:int}", (int id) =>
        {
            lock (state.Gate)
            {
                return state.ThrottleRules.TryGetValue(id, out var rule) ? Http.Json(rule.DeepClone()) : Http.NotFound("Throttle rule " + id);
            }
        });
        app.MapPost("/api/throttle", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null)
            {
                return Http.BadRequest("The body must be a JSON object");
            }

            lock (state.Gate)
            {
                var rule = new JsonObject { ["id"] = 0, ["site_id"] = null, ["from"] = 0, ["to"] = 1440, ["day_of_week"] = 0, ["bytes_per_second"] = 0.0 };
                if (ApplyThrottle(state, rule, body) is { } error)
                {
                    return error;
                }

                var id = state.NextThrottleRuleId++;
                rule["id"] = id;
                state.ThrottleRules[id] = rule;
                return Http.Id(id);
            }
        });
        app.MapPut("/api/throttle/{id:int}", async (int id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null)
            {
                return Http.BadRequest("The body must be a JSON object");
            }

            lock (state.Gate)
            {
                if (!state.ThrottleRules.TryGetValue(id, out var stored))
                {
                    return Http.NotFound("Throttle rule " + id);
                }

                var rule = (JsonObject)stored.DeepClone();
                if (ApplyThrottle(state, rule, body) is { } error)
                {
                    return error;
                }

                state.ThrottleRules[id] = rule;
                return Http.Success();
            }
        });
        app.MapDelete("/api/throttle/{id:int}", (int id) =>
        {
            lock (state.Gate)
            {
                return state.ThrottleRules.Remove(id) ? Http.Success() : Http.NotFound("Throttle rule " + id);
            }
        });
    }

    /// <summary>Copies the body's fields into the rule (the id stays) and checks them; an error result, or null.</summary>
    private static IResult? ApplyThrottle(EmulatorState state, JsonObject rule, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            if (key != "id")
            {
                rule[key] = value?.DeepClone();
            }
        }

        if (Http.AsInt(rule["site_id"]) is not { } siteId || !state.Sites.ContainsKey(siteId))
        {
            return Http.BadRequest("Unknown site_id " + Http.AsString(rule["site_id"]));
        }

        var from = Http.AsInt(rule["from"]);
        var to = Http.AsInt(rule["to"]);
        if (from is not (>= 0 and <= 1440) || to is not (>= 0 and <= 1440) || from > to)
        {
            return Http.BadRequest("from and to must be minutes of the day with from <= to");
        }

        if (Http.AsInt(rule["day_of_week"]) is not (>= 0 and <= 6))
        {
            return Http.BadRequest("day_of_week must be 0-6");
        }

        if (!double.TryParse(Http.AsString(rule["bytes_per_second"]), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) || rate < 0)
        {
            return Http.BadRequest("bytes_per_second must be a number >= 0");
        }

        return null;
    }

    private static void MapIngressFilters(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/v1/ingress_whitelist", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.IngressFilters.Values.Select(f => f.DeepClone())]));
            }
        });
        app.MapGet("/api/v1/ingress_whitelist/{id}", (string id) =>
        {
            lock (state.Gate)
            {
                return state.IngressFilters.TryGetValue(id, out var filter) ? Http.Json(filter.DeepClone()) : Http.NotFound("Ingress filter " + id);
            }
        });

        // The body is an array of filters; the answer lists their ids (each one the client chose, or a new UUID).
        app.MapPost("/api/v1/ingress_whitelist", async (HttpRequest request) =>
        {
            JsonNode? node;
            try
            {
                node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                node = null;
            }

            if (node is not JsonArray { Count: > 0 } filters || filters.Any(f => f is not JsonObject))
            {
                return Http.BadRequest("The body must be a JSON array of ingress filters");
            }

            lock (state.Gate)
            {
                var ids = new JsonArray();
                var created = new List<JsonObject>();
                foreach (JsonObject body in filters.Cast<JsonObject>())
                {
                    if (Http.AsString(body["name"]) is not { Length: > 0 })
                    {
                        return Http.BadRequest("An ingress filter needs a name");
                    }

                    var id = Http.AsString(body["id"]) is { Length: > 0 } chosen ? chosen : Guid.NewGuid().ToString();
                    if (state.IngressFilters.ContainsKey(id) || created.Any(f => (string?)f["id"] == id))
                    {
                        return Http.Error(409, "conflict", "An ingress filter with id " + id + " already exists");
                    }

                    var filter = NewFilter(state, id);
                    Merge(filter, body);
                    created.Add(filter);
                    ids.Add(id);
                }

                created.ForEach(f => state.IngressFilters[(string)f["id"]!] = f);
                return Http.Json(ids);
            }
        });
        app.MapPut("/api/v1/ingress_whitelist/{id}", async (string id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null)
            {
                return Http.BadRequest("The body must be a JSON object");
            }

            lock (state.Gate)
            {
                if (!state.IngressFilters.TryGetValue(id, out var filter))
                {
                    return Http.NotFound("Ingress filter " + id);
                }

                Merge(filter, body);
                filter["version"] = (Http.AsInt(filter["version"]) ?? 0) + 1;
                filter["modify_timestamp"] = CbTime.Postgres(state.Now);
                filter["modify_user_id"] = 1;
                return Http.Success();
            }
        });
        app.MapDelete("/api/v1/ingress_whitelist/{id}", (string id) =>
        {
            lock (state.Gate)
            {
                return state.IngressFilters.Remove(id) ? Http.Success() : Http.NotFound("Ingress filter " + id);
            }
        });
    }

    /// <summary>A filter with the server's defaults (all operating systems, enabled, filtered on the sensor).</summary>
    private static JsonObject NewFilter(EmulatorState state, string id) => new()
    {
        ["id"] = id,
        ["name"] = "",
        ["description"] = "",
        ["enabled"] = true,
        ["priority"] = 0,
        ["version"] = 1,
        ["internal"] = false,
        ["filter_on_sensor"] = true,
        ["filter_on_server"] = false,
        ["track_metrics"] = false,
        ["os_mask"] = 7,
        ["global"] = true,
        ["group_ids"] = new JsonArray(),
        ["sensor_ids"] = new JsonArray(),
        ["path_filters"] = new JsonArray(),
        ["cmdline_filters"] = new JsonArray(),
        ["md5_filters"] = new JsonArray(),
        ["descendant_filtering_level"] = 0,
        ["filter_all_events"] = false,
        ["regmod_filters"] = new JsonArray(),
        ["modload_filters"] = new JsonArray(),
        ["filemod_filters"] = new JsonArray(),
        ["non_binary_filemod_filters"] = new JsonArray(),
        ["netconn_filters"] = new JsonArray(),
        ["crossproc_filters"] = new JsonArray(),
        ["create_timestamp"] = CbTime.Postgres(state.Now),
        ["modify_timestamp"] = CbTime.Postgres(state.Now),
        ["create_user_id"] = 1,
        ["modify_user_id"] = 1,
        ["hit_rate"] = 0.0,
    };

    private static void Merge(JsonObject filter, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            if (!FilterServerFields.Contains(key))
            {
                filter[key] = value?.DeepClone();
            }
        }
    }
}
