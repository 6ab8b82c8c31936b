using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Users and teams, with the real server's odd codes: 409 duplicate, 400 no name, 500 unknown.</summary>
internal static class UserEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/users", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.Users.Select(u => u.DeepClone())]));
            }
        });

        app.MapGet("/api/user/{username}", (string username) =>
        {
            lock (state.Gate)
            {
                return state.FindUser(username) is { } user ? Http.Json(user.DeepClone()) : Http.NotFound("User " + username);
            }
        });

        app.MapPost("/api/user", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null || Http.AsString(body["username"]) is not { Length: > 0 } username)
            {
                return Http.BadRequest("A user needs a username");
            }

            lock (state.Gate)
            {
                if (state.FindUser(username) is not null)
                {
                    return Http.Error(409, "conflict", "User " + username + " already exists");
                }

                var user = AdminDocuments.User(state.NextUserId++, username, Http.AsString(body["first_name"]) ?? "",
                    Http.AsString(body["last_name"]) ?? "", Http.AsString(body["email"]) ?? "", Http.AsBool(body["global_admin"]) ?? false,
                    TokenFor(username), Teams(state, body["teams"]));
                state.Users.Add(user);
                return Http.Success();
            }
        });

        app.MapPut("/api/user/{username}", async (string username, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null)
            {
                return Http.BadRequest("The body must be a JSON object");
            }

            lock (state.Gate)
            {
                if (state.FindUser(username) is not { } user)
                {
                    return Http.NotFound("User " + username);
                }

                foreach (var (key, value) in body)
                {
                    switch (key)
                    {
                        case "username" or "id" or "auth_token" or "password" or "confirm_password":
                            break;
                        case "teams":
                            user["teams"] = Teams(state, value);
                            break;
                        default:
                            user[key] = value?.DeepClone();
                            break;
                    }
                }

                return Http.Success();
            }
        });

        app.MapDelete("/api/user/{username}", (string username) =>
        {
            lock (state.Gate)
            {
                return state.FindUser(username) is { } user && state.Users.Remove(user)
                    ? Http.Success()
                    : Http.Error(500, "server_error", "Internal error deleting user " + username);
            }
        });

        app.MapGet("/api/teams", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.Teams.Values.Select(t => t.DeepClone())]));
            }
        });

        app.MapGet("/api/team/{id:int}", (int id) =>
        {
            lock (state.Gate)
            {
                return state.Teams.TryGetValue(id, out var team)
                    ? Http.Json(team.DeepClone())
                    : Http.Error(500, "server_error", "Internal error reading team " + id);
            }
        });

        app.MapPost("/api/team", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            if (body is null || Http.AsString(body["name"]) is not { } name || name.Trim().Length == 0)
            {
                return Http.BadRequest("A team needs a valid name");
            }

            lock (state.Gate)
            {
                if (state.Teams.Values.Any(t => string.Equals((string?)t["name"], name, StringComparison.OrdinalIgnoreCase)))
                {
                    return Http.Error(409, "conflict", "Team " + name + " already exists");
                }

                var id = state.NextTeamId++;
                var team = AdminDocuments.Team(id, name, GroupAccess(state, body["group_access"]));
                state.Teams[id] = team;
                return Http.Json(team.DeepClone());
            }
        });

        app.MapPut("/api/team/{id:int}", async (int id, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            lock (state.Gate)
            {
                if (body is null || !state.Teams.TryGetValue(id, out var team))
                {
                    return body is null ? Http.BadRequest("The body must be a JSON object") : Http.NotFound("Team " + id);
                }

                if (Http.AsString(body["name"]) is { Length: > 0 } name)
                {
                    team["name"] = name;
                }

                if (body.ContainsKey("group_access"))
                {
                    team["group_access"] = GroupAccess(state, body["group_access"]);
                }

                return Http.Success();
            }
        });

        app.MapDelete("/api/team/{id:int}", (int id) =>
        {
            lock (state.Gate)
            {
                return state.Teams.Remove(id) ? Http.Success() : Http.Error(500, "server_error", "Internal error deleting team " + id);
            }
        });
    }

    /// <summary>Teams arrive as ids (older clients) or {"id","name"} objects (6.1+); users always show objects.</summary>
    private static JsonArray Teams(EmulatorState state, JsonNode? teams)
    {
        var result = new JsonArray();
        foreach (var item in teams as JsonArray ?? [])
        {
            var id = item is JsonObject o ? Http.AsInt(o["id"]) : Http.AsInt(item);
            if (id is { } teamId && state.Teams.TryGetValue(teamId, out var team))
            {
                result.Add(new JsonObject { ["id"] = teamId, ["name"] = (string?)team["name"] });
            }
        }

        return result;
    }

    private static JsonArray GroupAccess(EmulatorState state, JsonNode? access)
    {
        var result = new JsonArray();
        foreach (var item in access as JsonArray ?? [])
        {
            if (item is JsonObject o && Http.AsInt(o["group_id"]) is { } groupId && state.Groups.ContainsKey(groupId))
            {
                result.Add(new JsonObject
                {
                    ["group_id"] = groupId,
                    ["group_name"] = state.GroupName(groupId),
                    ["access_category"] = Http.AsString(o["access_category"]) ?? "Viewer",
                });
            }
        }

        return result;
    }

    /// <summary>A stable 40-hex API token per user name, as the console shows under Profile → API Token.</summary>
    private static string TokenFor(string username) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("cbtyped-user:" + username.ToLower(CultureInfo.InvariantCulture))))[..40].ToLowerInvariant();
}
