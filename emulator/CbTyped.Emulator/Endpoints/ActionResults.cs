using System.Globalization;
using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Json;
using CbTyped.Emulator.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CbTyped.Emulator.Endpoints;

/// <summary>Updating an action in place, shared by watchlist and feed actions.</summary>
internal static class ActionResults
{
    public static IResult Update(List<ActionRecord> actions, int actionId, JsonObject? body)
    {
        if (body is null)
        {
            return Http.BadRequest("The body must be a JSON object");
        }

        if (actions.Find(a => a.Id == actionId) is not { } action)
        {
            return Http.NotFound("Action " + actionId);
        }

        action.ActionType = Http.AsInt(body["action_type"]) ?? action.ActionType;
        action.ActionData = Http.AsString(body["action_data"]) ?? action.ActionData;
        return Http.Success();
    }
}
