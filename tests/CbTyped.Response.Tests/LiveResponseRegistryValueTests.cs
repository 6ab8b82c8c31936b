using System.Text.Json;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests;

/// <summary>
/// A registry value's <c>value_data</c> is a <c>json</c> field of the LiveResponseCommand spec: a DWORD, a string and
/// a multi-string value set over HTTP on the emulator come back as sent, through the generated reader
/// (<c>LiveResponseCommand.RegistryValue.ValueData</c>) and through <see cref="LiveResponseRegistryValue"/>'s typed views.
/// </summary>
public sealed class LiveResponseRegistryValueTests
{
    private const string Key = @"HKLM\SOFTWARE\CbTyped\";

    [Fact]
    public async Task ADwordAStringAndAMultiStringAreReadBackTyped()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        await lr.Session.SetRegistryValueAsync(Key + "Dword", 4096);
        await lr.Session.SetRegistryValueAsync(Key + "Text", "caf\u00e9 \"quoted\"");
        await lr.Session.SetRegistryValueAsync(Key + "Multi", [@"c:\a", "b \u2603"]);

        var dword = await lr.Session.GetRegistryValueAsync(Key + "Dword");
        var text = await lr.Session.GetRegistryValueAsync(Key + "Text");
        var multi = await lr.Session.GetRegistryValueAsync(Key + "Multi");

        Assert.Equal(("Dword", "REG_DWORD", JsonValueKind.Number), (dword.Name, dword.ValueType, dword.Data.ValueKind));
        Assert.Equal(4096L, dword.Number);
        Assert.Equal("4096", dword.Text);
        Assert.Null(dword.Strings);
        Assert.Equal(("REG_SZ", JsonValueKind.String), (text.ValueType, text.Data.ValueKind));
        Assert.Equal("caf\u00e9 \"quoted\"", text.Text);
        Assert.Null(text.Number);
        Assert.Equal(["caf\u00e9 \"quoted\""], text.Strings);
        Assert.Equal(("REG_MULTI_SZ", JsonValueKind.Array), (multi.ValueType, multi.Data.ValueKind));
        Assert.Equal([@"c:\a", "b \u2603"], multi.Strings);
        Assert.Null(multi.Text);
        Assert.Null(multi.Number);
    }

    [Fact]
    public async Task AKeysValuesKeepEachDataKindAndOutliveTheSession()
    {
        LiveResponseRegistryKey key;
        await using (var lr = await LiveResponseHarness.StartAsync())
        {
            await lr.Session.SetRegistryValueAsync(Key + "Multi", ["one", "two"]);
            await lr.Session.SetRegistryValueAsync(Key + "Text", "text");
            key = await lr.Session.EnumRegistryKeyAsync(@"HKLM\SOFTWARE\CbTyped");
        }

        // The data elements own their bytes: the session, its client and the responses are gone.
        var byName = key.Values.ToDictionary(v => v.Name, StringComparer.Ordinal);
        Assert.Equal(3L, byName["Count"].Number);
        Assert.Equal(JsonValueKind.Number, byName["Count"].Data.ValueKind);
        Assert.Equal("1.0", byName["Version"].Text);
        Assert.Equal("text", byName["Text"].Text);
        Assert.Equal(["one", "two"], byName["Multi"].Strings);
        Assert.Equal("""["one","two"]""", byName["Multi"].Data.GetRawText());
    }

    [Fact]
    public async Task TheGeneratedCommandModelHoldsValueDataAsAJsonElement()
    {
        await using var lr = await LiveResponseHarness.StartAsync();
        await lr.Session.SetRegistryValueAsync(Key + "Multi", ["x", "y"]);
        int sessionId = lr.Session.SessionId;

        var posted = await LiveResponseCommand.PostCommandAsync(lr.Client, sessionId, "reg query value", Key + "Multi");
        var command = posted;
        for (int poll = 0; command.Status is "pending" or "in progress" && poll < 100; poll++)
        {
            await Task.Delay(20);
            command = await LiveResponseCommand.FetchAsync(lr.Client, sessionId, posted.Id!.Value);
        }

        Assert.Equal("complete", command.Status);
        JsonElement data = Assert.NotNull(command.Value?.ValueData);
        Assert.Equal(JsonValueKind.Array, data.ValueKind);
        Assert.Equal(["x", "y"], data.EnumerateArray().Select(e => e.GetString()));
        // value_data is a declared field now, not an unknown member the session parses by hand.
        Assert.DoesNotContain(command.Value!.GetUnknownFields(), f => f.Key == "value_data");
    }
}
