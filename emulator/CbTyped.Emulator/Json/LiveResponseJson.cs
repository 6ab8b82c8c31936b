using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;
using CbTyped.Emulator.Data.LiveResponse;

namespace CbTyped.Emulator.Json;

/// <summary>The Live Response objects exactly as the real server writes them (docs/models-live-response.md).</summary>
internal static class LiveResponseJson
{
    /// <summary>Members a command's request may not override: the server owns them.</summary>
    public static readonly HashSet<string> ServerOwnedCommandMembers =
    [
        "id", "session_id", "sensor_id", "name", "status", "create_time", "completion", "result_code", "result_type", "result_desc",
    ];

    public static JsonObject Session(EmulatorState state, LiveResponseSession session)
    {
        var sensor = state.Sensors[session.SensorId];
        var endpoint = state.LiveResponse.EndpointOf(sensor);
        return new JsonObject
        {
            ["id"] = session.Id,
            ["sensor_id"] = session.SensorId,
            ["status"] = session.Status,
            ["hostname"] = sensor.ComputerName,
            ["address"] = sensor.IpAddress,
            ["os_version"] = sensor.OsDisplay,
            ["current_working_directory"] = endpoint.WorkingDirectoryText,
            ["drives"] = new JsonArray([.. endpoint.Drives.Select(d => (JsonNode)JsonValue.Create(d))]),
            ["supported_commands"] = new JsonArray([.. CommandRunner.Names.Select(n => (JsonNode)JsonValue.Create(n))]),
            ["create_time"] = session.CreateTime,
            ["check_in_timeout"] = session.CheckInTimeout,
            ["session_timeout"] = session.SessionTimeout,
            ["sensor_wait_timeout"] = session.SensorWaitTimeout,
            ["storage_size"] = "0",
            // Written as "7.0", as the real (Python) server does: a double would be written "7" and hide an int-typed client.
            ["storage_ttl"] = JsonNode.Parse("7.0"),
        };
    }

    /// <summary>The command: fixed members, the request's own members echoed, then the result members once complete.</summary>
    public static JsonObject Command(LiveResponseCommand command)
    {
        var json = new JsonObject
        {
            ["id"] = command.Id,
            ["session_id"] = command.SessionId,
            ["sensor_id"] = command.SensorId,
            ["name"] = command.Name,
        };
        foreach (var (key, value) in command.Request)
        {
            json[key] = value?.DeepClone();
        }

        if (command.FileId is { } fileId)
        {
            json["file_id"] = fileId;
        }

        json["status"] = command.Status;
        json["create_time"] = command.CreateTime;
        json["completion"] = command.Completion;
        json["result_code"] = command.ResultCode;
        json["result_type"] = "WinHresult";
        json["result_desc"] = "";
        if (command.Status == "complete" && command.Result is { } result)
        {
            foreach (var (key, value) in result)
            {
                json[key] = value?.DeepClone();
            }
        }

        return json;
    }

    public static JsonObject File(LiveResponseFile file) => new()
    {
        ["id"] = file.Id,
        ["session_id"] = file.SessionId,
        ["file_name"] = file.FileName,
        ["size"] = file.Content.Length,
        ["size_uploaded"] = file.Content.Length,
        ["status"] = 0,
        ["delete"] = false,
    };
}
