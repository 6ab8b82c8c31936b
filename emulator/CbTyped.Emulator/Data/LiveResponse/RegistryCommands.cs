using System.Text.Json.Nodes;
using CbTyped.Emulator.Endpoints;

namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>The registry commands. A value path is <c>key\value_name</c>: the last segment names the value.</summary>
internal static class RegistryCommands
{
    public static CommandOutcome EnumKey(CommandContext context)
    {
        if (context.Endpoint.Registry.Find(EmulatedRegistry.Split(context.Object)) is not { } key)
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        return CommandOutcome.Done(new JsonObject
        {
            ["values"] = new JsonArray([.. key.Values.Values.Select(v => (JsonNode)v.ToJson())]),
            ["sub_keys"] = new JsonArray([.. key.SubKeys.Values.Select(k => (JsonNode)JsonValue.Create(k.Name))]),
        });
    }

    public static CommandOutcome QueryValue(CommandContext context)
    {
        var (key, name) = ValuePath(context);
        if (key is null || !key.Values.TryGetValue(name, out var value))
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        return CommandOutcome.Done(new JsonObject { ["value"] = value.ToJson() });
    }

    /// <summary>Creates the key and missing parents (RegCreateKeyEx); an existing key is fine.</summary>
    public static CommandOutcome CreateKey(CommandContext context) =>
        context.Endpoint.Registry.Create(EmulatedRegistry.Split(context.Object)) is null
            ? CommandOutcome.Failed(HResult.FileNotFound)
            : CommandOutcome.Done();

    /// <summary>Deletes a key without sub keys; RegDeleteKey refuses one with sub keys (access denied), and so does this.</summary>
    public static CommandOutcome DeleteKey(CommandContext context)
    {
        var segments = EmulatedRegistry.Split(context.Object);
        if (context.Endpoint.Registry.Find(segments) is not { } key)
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        if (key.SubKeys.Count > 0 || !context.Endpoint.Registry.Delete(segments))
        {
            return CommandOutcome.Failed(HResult.AccessDenied);
        }

        return CommandOutcome.Done();
    }

    public static CommandOutcome DeleteValue(CommandContext context)
    {
        var (key, name) = ValuePath(context);
        return key is not null && key.Values.Remove(name) ? CommandOutcome.Done() : CommandOutcome.Failed(HResult.FileNotFound);
    }

    /// <summary>
    /// Sets a value in an existing key. <c>overwrite:false</c> on an existing value fails (ERROR_ALREADY_EXISTS);
    /// an absent <c>overwrite</c> means true, cbapi's default. The data is kept exactly as sent.
    /// </summary>
    public static CommandOutcome SetValue(CommandContext context)
    {
        var (key, name) = ValuePath(context);
        if (key is null)
        {
            return CommandOutcome.Failed(HResult.FileNotFound);
        }

        if (key.Values.ContainsKey(name) && !context.Flag("overwrite", absent: true))
        {
            return CommandOutcome.Failed(HResult.AlreadyExists);
        }

        var type = context.Text("value_type") is { Length: > 0 } t ? t : "REG_SZ";
        key.Values[name] = new EmulatedRegistry.RegistryValue(name, type, context.Request["value_data"]?.DeepClone());
        return CommandOutcome.Done();
    }

    private static (EmulatedRegistry.RegistryKey? Key, string Name) ValuePath(CommandContext context)
    {
        var segments = EmulatedRegistry.Split(context.Object);
        if (segments.Count < 2)
        {
            return (null, "");
        }

        return (context.Endpoint.Registry.Find(segments[..^1]), segments[^1]);
    }
}
