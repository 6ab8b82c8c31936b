using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Banned hashes: 409 on an enabled duplicate, DELETE disables, re-POST re-enables.</summary>
internal static class BanningEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        app.MapGet("/api/v1/banning/blacklist", () =>
        {
            lock (state.Gate)
            {
                return Http.Json(new JsonArray([.. state.Bans.Select(b => (JsonNode)AdminJson.Ban(b))]));
            }
        });

        app.MapGet("/api/v1/banning/blacklist/{md5}", (string md5) =>
        {
            lock (state.Gate)
            {
                return state.FindBan(md5) is { } ban ? Http.Json(AdminJson.Ban(ban)) : Http.NotFound("Banned hash " + md5);
            }
        });

        app.MapPost("/api/v1/banning/blacklist", async (HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            var md5 = Http.AsString(body?["md5hash"]);
            if (body is null || md5 is null || md5.Length != 32 || !md5.All(Uri.IsHexDigit))
            {
                return Http.BadRequest("md5hash must be 32 hexadecimal characters");
            }

            var text = Http.AsString(body["text"]) ?? "";
            lock (state.Gate)
            {
                var now = state.Now;
                var ban = state.FindBan(md5);
                if (ban is { Enabled: true })
                {
                    return Http.Error(409, "conflict", "md5hash " + md5 + " already exists");
                }

                if (ban is null)
                {
                    ban = new BannedHash { Md5 = md5, Text = text, Enabled = true, UserName = EmulatorState.ActingUser, UserId = 1, Timestamp = now };
                    state.Bans.Add(ban);
                }
                else
                {
                    (ban.Text, ban.Enabled, ban.Timestamp) = (text, true, now);
                }

                ban.Audit.Add(new BanAuditEntry(EmulatorState.ActingUser, 1, now, text, true));
                return Http.Success();
            }
        });

        app.MapPut("/api/v1/banning/blacklist/{md5}", async (string md5, HttpRequest request) =>
        {
            var body = await Http.ReadObjectAsync(request);
            lock (state.Gate)
            {
                if (state.FindBan(md5) is not { } ban)
                {
                    return Http.NotFound("Banned hash " + md5);
                }

                if (body is null)
                {
                    return Http.BadRequest("The body must be a JSON object");
                }

                ban.Text = Http.AsString(body["text"]) ?? ban.Text;
                ban.Enabled = Http.AsBool(body["enabled"]) ?? ban.Enabled;
                ban.Audit.Add(new BanAuditEntry(EmulatorState.ActingUser, 1, state.Now, ban.Text, ban.Enabled));
                return Http.Json(AdminJson.Ban(ban));
            }
        });

        app.MapDelete("/api/v1/banning/blacklist/{md5}", (string md5) =>
        {
            lock (state.Gate)
            {
                if (state.FindBan(md5) is not { } ban)
                {
                    return Http.Error(404, "not_found", "md5hash " + md5 + " does not exist");
                }

                (ban.Enabled, ban.Text) = (false, "");
                ban.Audit.Add(new BanAuditEntry(EmulatorState.ActingUser, 1, state.Now, "", false));
                return Http.Success();
            }
        });

        app.MapGet("/api/v1/banning/whitelist", () => Http.Json(new JsonObject
        {
            ["whitelist"] = new JsonArray(@"%SystemRoot%\system32\svchost.exe", @"%SystemRoot%\system32\lsass.exe", @"%SystemRoot%\explorer.exe"),
        }));
        app.MapGet("/api/v1/banning/restrictions", () => Http.Json(new JsonObject
        {
            ["patterns"] = new JsonArray(@"c:\windows\system32\*", @"c:\program files\confer\*"),
        }));
    }
}
