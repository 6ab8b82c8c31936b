namespace CbTyped.Emulator.Data.LiveResponse;

/// <summary>The 15 Live Response commands and where each one is carried out.</summary>
internal static class CommandRunner
{
    /// <summary>Every command, in the order the session's <c>supported_commands</c> lists them.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "put file", "get file", "delete file", "directory list", "reg enum key", "reg query value", "reg create key",
        "reg delete key", "reg delete value", "reg set value", "process list", "kill", "create process",
        "create directory", "memdump",
    ];

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    public static CommandOutcome Run(string name, CommandContext context) => name switch
    {
        "directory list" => FileCommands.ListDirectory(context),
        "get file" => FileCommands.GetFile(context),
        "put file" => FileCommands.PutFile(context),
        "delete file" => FileCommands.DeleteFile(context),
        "create directory" => FileCommands.CreateDirectory(context),
        "memdump" => FileCommands.Memdump(context),
        "process list" => ProcessCommands.List(context),
        "kill" => ProcessCommands.Kill(context),
        "create process" => ProcessCommands.Create(context),
        "reg enum key" => RegistryCommands.EnumKey(context),
        "reg query value" => RegistryCommands.QueryValue(context),
        "reg create key" => RegistryCommands.CreateKey(context),
        "reg delete key" => RegistryCommands.DeleteKey(context),
        "reg delete value" => RegistryCommands.DeleteValue(context),
        "reg set value" => RegistryCommands.SetValue(context),
        _ => CommandOutcome.Failed(HResult.InvalidArgument),
    };
}
