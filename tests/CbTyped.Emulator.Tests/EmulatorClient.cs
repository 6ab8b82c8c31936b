using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests;

/// <summary>A plain HttpClient pointed at an emulator, with the token set, plus JSON helpers for assertions.</summary>
public sealed class EmulatorClient : IDisposable
{
    public EmulatorClient(CbEmulator emulator, bool withToken = true)
    {
        Http = new HttpClient { BaseAddress = emulator.BaseUrl };
        if (withToken)
        {
            Http.DefaultRequestHeaders.Add("X-Auth-Token", emulator.Token);
        }

        Http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public HttpClient Http { get; }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} -> {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<(int Status, JsonNode? Body)> SendJsonAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>One emulator with the seed data, shared by tests that only read.</summary>
public sealed class SeedEmulatorFixture : IAsyncLifetime
{
    public CbEmulator Emulator { get; private set; } = null!;

    public EmulatorClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await CbEmulator.StartAsync(new CbEmulatorOptions { Processes = 2_000, Seed = 7 });
        Client = new EmulatorClient(Emulator);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SeedEmulatorTests : ICollectionFixture<SeedEmulatorFixture>
{
    public const string Name = "seed emulator";
}
