using CbTyped.Modeling.Json;
using CbTyped.Runtime.Tests.Infrastructure;
using CbTyped.Runtime.Tests.Models;
using Microsoft.AspNetCore.Http;

namespace CbTyped.Runtime.Tests;

/// <summary>
/// A field whose JSON value has the wrong type throws, when read, a <see cref="CbJsonException"/> naming the model,
/// the property, the JSON member and its path in the response, describing the value by its JSON type only.
/// </summary>
public sealed class WrongTypeFieldTests
{
    private const string Secret = "s3cr3t-value-not-a-number";

    [Fact]
    public async Task ASearchRowNamesTheModelTheFieldAndItsPathInThePage()
    {
        await using var server = await LoopbackServer.StartAsync();
        var rows = string.Join(",", Enumerable.Range(0, 5).Select(i =>
            i == 3 ? $$"""{"id":"p3","process_name":"p3.exe","process_pid":"{{Secret}}"}""" : $$"""{"id":"p{{i}}","process_name":"p{{i}}.exe","process_pid":{{i}}}"""));
        server.RouteJson("GET", "/api/v1/process", $$"""{"results":[{{rows}}],"total_results":5,"start":0}""");
        using var client = TestClients.For(server);

        var found = await client.Select<Proc>().ToListAsync();
        Assert.Equal(2, found[2].ProcessPid);
        Assert.Equal("p3.exe", found[3].ProcessName); // the other fields of the row still read
        var error = Assert.Throws<CbJsonException>(() => found[3].ProcessPid);

        Assert.Equal("Proc", error.ModelName);
        Assert.Equal("ProcessPid", error.PropertyName);
        Assert.Equal("process_pid", error.JsonName);
        Assert.Equal("$.results[3].process_pid", error.Path);
        Assert.Contains("Proc.ProcessPid", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"process_pid\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.results[3].process_pid", error.Message, StringComparison.Ordinal);
        Assert.Contains("a string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASingleGetNamesTheFieldAtTheDocumentRoot()
    {
        await using var server = await LoopbackServer.StartAsync();
        server.RouteJson("GET", "/api/v1/process/p1", $$"""{"id":"p1","process_name":"p1.exe","start":{"secret":"{{Secret}}"},"segment_id":[1,2]}""");
        using var client = TestClients.For(server);

        var process = await client.GetAsync<Proc>("p1");
        Assert.Equal("p1.exe", process.ProcessName);

        var start = Assert.Throws<CbJsonException>(() => process.Start);
        Assert.Equal("$.start", start.Path);
        Assert.Equal(("Proc", "Start", "start"), (start.ModelName, start.PropertyName, start.JsonName));
        Assert.Contains("Proc.Start (JSON \"start\" at $.start, an object)", start.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, start.ToString(), StringComparison.Ordinal);

        var segment = Assert.Throws<CbJsonException>(() => process.SegmentId);
        Assert.Equal("$.segment_id", segment.Path);
        Assert.Contains("an array", segment.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABareArrayRowHasAnIndexPath()
    {
        await using var server = await LoopbackServer.StartAsync();
        // A bare array has no total: the client pages until a page is empty.
        server.Route("GET", "/api/v1/process", ctx => ctx.Response.WriteAsync(ctx.Request.Query["start"] == "0"
            ? """[{"id":"a","process_pid":1},{"id":"b","process_pid":true},{"id":"c","process_pid":{}}]"""
            : "[]"));
        using var client = TestClients.For(server);

        var rows = await client.Select<Proc>().ToListAsync();
        Assert.Equal(1, rows[1].ProcessPid); // Cb's quirk: a boolean reads as 1/0
        Assert.Equal("$[2].process_pid", Assert.Throws<CbJsonException>(() => rows[2].ProcessPid).Path);
    }
}
