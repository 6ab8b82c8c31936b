using System.Text.Json.Nodes;
using CbTyped.Emulator.Endpoints;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>What a command runs against: the endpoint, its session (for files), the command and "now" (epoch seconds).</summary>
internal sealed record CommandContext(EmulatedEndpoint Endpoint, LiveResponseSession Session, LiveResponseCommand Command, long Now)
{
    public JsonObject Request => Command.Request;

    /// <summary>The command's <c>object</c> as text (a path, key, pid or command line); "" when absent.</summary>
    public string Object => Http.AsString(Request["object"]) ?? "";

    public string? Text(string member) => Http.AsString(Request[member]);

    public bool Flag(string member, bool absent) => Http.AsBool(Request[member]) ?? absent;
}
