using CbTyped.Emulator;
using CbTyped.Response.Tests.Infrastructure;

namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Storage partitions: every operation is declared in StoragePartition.model.yaml and sent over HTTP to the emulator.</summary>
public sealed class StoragePartitionTests
{
    private const string ListPath = "/api/v1/storage/events/partition";

    [Fact]
    public async Task TheListIsReadFromTheNameKeyedObjectInNameOrder()
    {
        await using var session = await EmulatorSession.StartAsync();

        var partitions = await StoragePartition.ListAsync(session.Client);

        Assert.Equal(["cbevents_2016_10_24_0000", "cbevents_2016_11_14_0000"], partitions.Select(p => p.Name));
        var hot = partitions[1];
        Assert.Equal(StoragePartitionStatus.Hot, hot.Status);
        Assert.Equal(34_884, hot.Info!.NumDocs);
        Assert.Equal(new DateTimeOffset(2016, 11, 14, 0, 0, 0, TimeSpan.Zero), hot.Info.StartDate);
        // Members the spec does not declare are kept (a save would send them back).
        Assert.Contains(hot.Info.GetUnknownFields(), f => f.Key == "deleted" && f.Value == "false");
        Assert.Same(session.Client, hot.Client);
    }

    [Fact]
    public async Task OnA5xServerTheListIsATypedUnsupportedServerErrorBeforeAnyRequest()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "5.2.0.161004.1202" });

        var error = await Assert.ThrowsAsync<CbUnsupportedServerException>(() => StoragePartition.ListAsync(session.Client));

        Assert.Equal("5.2.0.161004.1202", error.ServerVersion);
        Assert.Equal("StoragePartition.ListAsync", error.Operation);
        Assert.Contains("version 6.0 or newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Requests.CountOf("GET", ListPath));
    }

    [Fact]
    public async Task MountAndUnmountPostNullToThePartitionsRoute()
    {
        await using var session = await EmulatorSession.StartAsync();
        var warm = (await StoragePartition.ListAsync(session.Client))[0];

        await warm.MountAsync();

        var post = Assert.Single(session.Requests.Entries, e => e.Method == "POST");
        Assert.Equal("/api/v1/storage/events/cbevents_2016_10_24_0000/mount", post.PathAndQuery);
        Assert.Equal("null", post.Body);
        Assert.True((await StoragePartition.ListAsync(session.Client))[0].Info!.UserMounted);

        warm.Unmount(); // the synchronous twin
        Assert.Equal(1, session.Requests.CountOf("POST", "/api/v1/storage/events/cbevents_2016_10_24_0000/unmount"));
        Assert.False((await StoragePartition.ListAsync(session.Client))[0].Info!.UserMounted);
    }

    [Fact]
    public async Task MountingAPartitionTheServerDoesNotHaveIsTheServersNotFound()
    {
        await using var session = await EmulatorSession.StartAsync();
        var gone = session.Client.Select<StoragePartition>("cbevents_1999_01_01_0000");

        var error = await Assert.ThrowsAsync<CbObjectNotFoundException>(() => gone.MountAsync());

        Assert.Equal("POST", error.Method);
        Assert.Equal("/api/v1/storage/events/cbevents_1999_01_01_0000/mount", error.Path);
    }

    [Fact]
    public async Task ANewPartitionBecomesTheHotOneAndAWarmOneCanBeDeleted()
    {
        await using var session = await EmulatorSession.StartAsync();

        await StoragePartition.CreateNewAsync(session.Client);

        Assert.Equal(1, session.Requests.CountOf("POST", "/api/v1/storage/events/new_partition"));
        var partitions = await StoragePartition.ListAsync(session.Client);
        Assert.Equal(3, partitions.Count);
        var hot = Assert.Single(partitions, p => p.Status == StoragePartitionStatus.Hot);
        Assert.StartsWith("cbevents_2016_11_16_", hot.Name, StringComparison.Ordinal);

        var old = partitions.Single(p => p.Name == "cbevents_2016_10_24_0000");
        await session.Client.DeleteAsync(old);
        Assert.Equal(1, session.Requests.CountOf("DELETE", "/api/v1/storage/events/cbevents_2016_10_24_0000"));
        Assert.Equal(StoragePartitionStatus.Deleted, (await StoragePartition.ListAsync(session.Client)).Single(p => p.Name == old.Name).Status);
    }

    [Fact]
    public async Task ANewPartitionOnA60ServerIsRefusedBeforeAnyRequest()
    {
        await using var session = await EmulatorSession.StartAsync(new CbEmulatorOptions { ServerVersion = "6.0.2.170605.1158" });

        var error = await Assert.ThrowsAsync<CbUnsupportedServerException>(() => StoragePartition.CreateNewAsync(session.Client));

        Assert.Equal("6.0.2.170605.1158", error.ServerVersion);
        Assert.Contains("version 6.1 or newer", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Requests.CountOf("POST", "/api/v1/storage/events/new_partition"));
    }
}
