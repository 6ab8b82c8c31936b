using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CbTyped.Cli.Infrastructure;
using CbTyped.Cli.Output;
using CbTyped.Response;

namespace CbTyped.Cli.Commands;

/// <summary><c>cbtyped lr reg ls|get|set|rm|mkkey SENSOR KEY…</c>: the endpoint's registry (Windows sensors).</summary>
internal static class LiveResponseRegistryCommands
{
    private static readonly Column<RegistryRow>[] Columns =
    [
        new("Name", r => r.Name),
        new("Type", r => r.Type),
        new("Data", r => r.Data),
    ];

    public static Command Create(CommandRunner runner, LiveResponseConnection connection)
    {
        var reg = new Command("reg", "The endpoint's registry: list a key, read, set and delete values, create and delete keys.");

        var lsSensor = SensorLookup.Argument();
        var lsKey = new Argument<string>("key") { Description = @"The key, e.g. 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run'." };
        var ls = new Command("ls", "List a key's sub keys (type <KEY>) and values.") { lsSensor, lsKey };
        runner.SetAction(ls, c => ListAsync(c, connection, c.Get(lsSensor), c.Get(lsKey)));
        CommandExamples.Add(ls, @"cbtyped lr reg ls 4 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run'");
        reg.Subcommands.Add(ls);

        var getSensor = SensorLookup.Argument();
        var getValue = ValueArgument();
        var get = new Command("get", "Read one value: its data on standard output (--json: name, type, data).") { getSensor, getValue };
        runner.SetAction(get, c => GetAsync(c, connection, c.Get(getSensor), c.Get(getValue)));
        CommandExamples.Add(get, @"cbtyped lr reg get 4 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProductName'");
        reg.Subcommands.Add(get);

        var setSensor = SensorLookup.Argument();
        var setValue = ValueArgument();
        var data = new Argument<string[]>("data") { Description = "The data: text, a number for REG_DWORD/REG_QWORD, several words for REG_MULTI_SZ.", Arity = ArgumentArity.OneOrMore };
        var type = new Option<string>("--type") { Description = "The value's type.", DefaultValueFactory = _ => "REG_SZ" };
        type.AcceptOnlyFromAmong("REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD", "REG_QWORD");
        var noOverwrite = new Option<bool>("--no-overwrite") { Description = "Fail if the value exists instead of replacing it." };
        var set = new Command("set", "Set a value (created when missing).") { setSensor, setValue, data, type, noOverwrite };
        runner.SetAction(set, c => SetAsync(c, connection, c.Get(setSensor), c.Get(setValue), c.Get(data), c.Get(type), !c.Get(noOverwrite)));
        CommandExamples.Add(set,
            @"cbtyped lr reg set 4 'HKLM\SOFTWARE\CbTyped\Mode' quarantine",
            @"cbtyped lr reg set 4 'HKLM\SOFTWARE\CbTyped\Count' 7 --type REG_DWORD");
        reg.Subcommands.Add(set);

        var rmSensor = SensorLookup.Argument();
        var rmTarget = new Argument<string>("key-or-value") { Description = @"The value (KEY\NAME) to delete, or with --key the key." };
        var isKey = new Option<bool>("--key") { Description = "Delete the key itself (it must have no sub keys)." };
        var rm = new Command("rm", "Delete a value, or a key with --key.") { rmSensor, rmTarget, isKey };
        runner.SetAction(rm, c => connection.ChangeAsync(c, c.Get(rmSensor), c.Get(rmTarget), "deleted",
            c.Get(isKey) ? (s, k, t) => s.DeleteRegistryKeyAsync(k, t) : (s, v, t) => s.DeleteRegistryValueAsync(v, t)));
        CommandExamples.Add(rm,
            @"cbtyped lr reg rm 4 'HKCU\Software\Microsoft\Windows\CurrentVersion\Run\updater'",
            @"cbtyped lr reg rm 4 'HKLM\SOFTWARE\Evil' --key");
        reg.Subcommands.Add(rm);

        var mkkeySensor = SensorLookup.Argument();
        var mkkeyKey = new Argument<string>("key") { Description = "The key to create." };
        var mkkey = new Command("mkkey", "Create a key.") { mkkeySensor, mkkeyKey };
        runner.SetAction(mkkey, c => connection.ChangeAsync(c, c.Get(mkkeySensor), c.Get(mkkeyKey), "created", (s, k, t) => s.CreateRegistryKeyAsync(k, t)));
        CommandExamples.Add(mkkey, @"cbtyped lr reg mkkey 4 'HKLM\SOFTWARE\CbTyped\IR'");
        reg.Subcommands.Add(mkkey);
        return reg;
    }

    private static Argument<string> ValueArgument() =>
        new("value") { Description = @"The value as KEY\NAME, e.g. 'HKLM\SOFTWARE\CbTyped\Version'." };

    /// <summary>One line of <c>reg ls</c>: a sub key or a value.</summary>
    internal sealed record RegistryRow(string Name, string Type, string? Data, JsonElement RawData);

    internal static IEnumerable<RegistryRow> Rows(LiveResponseRegistryKey key) =>
        key.SubKeys.Select(k => new RegistryRow(k, "<KEY>", null, default))
            .Concat(key.Values.Select(v => new RegistryRow(v.Name, v.ValueType, DataText(v), v.Data)));

    internal static string? DataText(LiveResponseRegistryValue value) =>
        value.Strings is { Count: > 1 } list ? string.Join(" | ", list) : value.Text ?? (value.Data.ValueKind == JsonValueKind.Undefined ? null : value.Data.GetRawText());

    internal static void WriteRows(OutputContext output, IEnumerable<RegistryRow> rows) =>
        RowList.Write(output, rows, Columns, static (w, row) =>
        {
            w.WriteString("name", row.Name);
            w.WriteString("type", row.Type);
            w.WritePropertyName("data");
            if (row.RawData.ValueKind == JsonValueKind.Undefined)
                w.WriteNullValue();
            else
                row.RawData.WriteTo(w);
        });

    private static async Task<int> ListAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string key)
    {
        var (_, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        LiveResponseRegistryKey contents;
        await using (session.ConfigureAwait(false))
            contents = await session.EnumRegistryKeyAsync(key, context.CancellationToken).ConfigureAwait(false);
        WriteRows(context.Output, Rows(contents));
        return ExitCodes.Success;
    }

    private static async Task<int> GetAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string keyAndValue)
    {
        var (_, session) = await connection.OpenAsync(context, sensorName).ConfigureAwait(false);
        LiveResponseRegistryValue value;
        await using (session.ConfigureAwait(false))
            value = await session.GetRegistryValueAsync(keyAndValue, context.CancellationToken).ConfigureAwait(false);
        if (context.Output.Json)
        {
            context.Output.WriteJson(w =>
            {
                w.WriteStartObject();
                w.WriteString("name", value.Name);
                w.WriteString("type", value.ValueType);
                w.WritePropertyName("data");
                if (value.Data.ValueKind == JsonValueKind.Undefined)
                    w.WriteNullValue();
                else
                    value.Data.WriteTo(w);
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }
        // The data alone, one item a line for REG_MULTI_SZ, so `$(cbtyped lr reg get …)` is the value.
        foreach (var line in value.Strings is { Count: > 1 } list ? list : [DataText(value) ?? ""])
            context.Output.Output.WriteLine(TableLayout.Clean(line));
        return ExitCodes.Success;
    }

    private static async Task<int> SetAsync(CommandContext context, LiveResponseConnection connection, string sensorName, string keyAndValue, string[] data, string type, bool overwrite)
    {
        Func<LiveResponseSession, Task> set = type switch
        {
            "REG_MULTI_SZ" => s => s.SetRegistryValueAsync(keyAndValue, data, overwrite, type, context.CancellationToken),
            "REG_DWORD" or "REG_QWORD" => int.TryParse(string.Join(" ", data), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? s => s.SetRegistryValueAsync(keyAndValue, number, overwrite, type, context.CancellationToken)
                : throw new CliUsageException($"{type} data must be a whole number, not {Printable.Quote(string.Join(" ", data))}."),
            _ => s => s.SetRegistryValueAsync(keyAndValue, string.Join(" ", data), overwrite, type, context.CancellationToken),
        };
        return await connection.ChangeAsync(context, sensorName, keyAndValue, "set", (s, _, _) => set(s)).ConfigureAwait(false);
    }
}
