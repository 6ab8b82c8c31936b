using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CbTyped.Emulator.Tests.LiveResponse;

/// <summary>
/// Drives the cblr routes over HTTP the way a client does (POST, then poll), with the contract's defaults:
/// a session turns active on its 2nd GET, a command completes on its 1st.
/// </summary>
public sealed class LiveResponseDriver(EmulatorClient client)
{
    public const int FileNotFound = unchecked((int)0x80070002);
    public const int InvalidArgument = unchecked((int)0x80070057);

    public EmulatorClient Client { get; } = client;

    public async Task<JsonObject> CreateSessionAsync(int sensorId)
    {
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, "/api/v1/cblr/session", new JsonObject { ["sensor_id"] = sensorId });
        Assert.True(status == 200, $"POST session -> {status}: {body?.ToJsonString()}");
        return body!.AsObject();
    }

    public async Task<JsonObject> GetSessionAsync(int sid) => (await Client.GetJsonAsync($"/api/v1/cblr/session/{sid}")).AsObject();

    /// <summary>A session on <paramref name="sensorId"/> polled (at most 10 times) until active.</summary>
    public async Task<int> OpenActiveSessionAsync(int sensorId = 3)
    {
        var sid = (int)(await CreateSessionAsync(sensorId))["id"]!;
        for (var i = 0; i < 10; i++)
        {
            if ((string?)(await GetSessionAsync(sid))["status"] == "active")
            {
                return sid;
            }
        }

        Assert.Fail($"session {sid} never turned active");
        return 0;
    }

    public async Task<JsonObject> PostCommandAsync(int sid, string name, JsonNode? target = null, JsonObject? extra = null)
    {
        var request = extra?.DeepClone().AsObject() ?? [];
        request["session_id"] = sid;
        request["name"] = name;
        request["object"] = target?.DeepClone();
        var (status, body) = await Client.SendJsonAsync(HttpMethod.Post, $"/api/v1/cblr/session/{sid}/command", request);
        Assert.True(status == 200, $"POST {name} -> {status}: {body?.ToJsonString()}");
        Assert.Equal("pending", (string?)body!["status"]);
        return body.AsObject();
    }

    public async Task<JsonObject> GetCommandAsync(int sid, int cid) =>
        (await Client.GetJsonAsync($"/api/v1/cblr/session/{sid}/command/{cid}")).AsObject();

    /// <summary>POSTs the command and GETs it once (the default command polls), returning what that GET answers.</summary>
    public async Task<JsonObject> RunAsync(int sid, string name, JsonNode? target = null, JsonObject? extra = null)
    {
        var posted = await PostCommandAsync(sid, name, target, extra);
        return await GetCommandAsync(sid, (int)posted["id"]!);
    }

    public async Task<JsonObject> RunOkAsync(int sid, string name, JsonNode? target = null, JsonObject? extra = null)
    {
        var result = await RunAsync(sid, name, target, extra);
        Assert.True((string?)result["status"] == "complete", $"{name} {target?.ToJsonString()} -> {result.ToJsonString()}");
        Assert.Equal(0, (int)result["result_code"]!);
        return result;
    }

    /// <summary>Runs a command that must fail, and returns its result_code after checking the error shape.</summary>
    public async Task<int> RunErrorAsync(int sid, string name, JsonNode? target = null, JsonObject? extra = null)
    {
        var result = await RunAsync(sid, name, target, extra);
        Assert.True((string?)result["status"] == "error", $"{name} {target?.ToJsonString()} -> {result.ToJsonString()}");
        Assert.Equal("WinHresult", (string?)result["result_type"]);
        Assert.Equal("", (string?)result["result_desc"]);
        return (int)result["result_code"]!;
    }

    public async Task<List<string>> ListNamesAsync(int sid, string directory)
    {
        var result = await RunOkAsync(sid, "directory list", directory);
        return [.. result["files"]!.AsArray().Select(f => (string)f!["filename"]!)];
    }

    /// <summary>"get file" then the file's content, as a client downloads it.</summary>
    public async Task<byte[]> GetFileBytesAsync(int sid, string path)
    {
        var fileId = (int)(await RunOkAsync(sid, "get file", path))["file_id"]!;
        using var response = await Client.Http.GetAsync($"/api/v1/cblr/session/{sid}/file/{fileId}/content");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public async Task<(int Status, JsonNode? Body)> UploadAsync(int sid, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        using var response = await Client.Http.PostAsync($"/api/v1/cblr/session/{sid}/file", form);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
