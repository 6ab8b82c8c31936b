using System.Text.Json.Nodes;
using CbTyped.Emulator.Endpoints;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>A command's end: the result members when it completed, or the HRESULT it failed with.</summary>
internal readonly record struct CommandOutcome(JsonObject? Result, int ErrorCode)
{
    public static CommandOutcome Done(JsonObject? result = null) => new(result ?? [], 0);

    public static CommandOutcome Failed(int errorCode) => new(null, errorCode);
}
