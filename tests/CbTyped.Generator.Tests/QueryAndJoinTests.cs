using CbTyped.Modeling;
using CbTyped.Tests.External;
using CbTyped.Tests.Golden;
using Xunit;
using static CbTyped.Generator.Tests.Harness.ModelJson;

namespace CbTyped.Generator.Tests;

/// <summary>Typed query fields escape the Cb query language; joins go through the session.</summary>
public class QueryAndJoinTests
{
    [Theory]
    [InlineData("svchost.exe", "process_name:svchost.exe")]
    [InlineData("default group", "process_name:\"default group\"")]
    [InlineData("say \"hi\" now", "process_name:\"say \\\"hi\\\" now\"")]
    [InlineData("setup(x86).exe", "process_name:setup\\(x86\\).exe")]
    [InlineData("-system.exe", "process_name:\\-system.exe")]
    [InlineData("a*b", "process_name:\"a*b\"")]
    [InlineData("", "process_name:\"\"")]
    public void String_values_are_escaped(string value, string expected)
    {
        Assert.Equal(expected, Process.Fields.ProcessName.Is(value).ToString());
    }

    [Fact]
    public void Paths_keep_colons_and_backslashes_and_wildcards_stay_in_patterns()
    {
        Assert.Equal(@"path:c:\windows\system32\*", Process.Fields.ProcessPath.Like(@"c:\windows\system32\*").ToString());
        Assert.Equal(@"path:""microsoft office\office15\powerpnt.exe""", Process.Fields.ProcessPath.Is(@"microsoft office\office15\powerpnt.exe").ToString());
        Assert.Equal("process_name:ms*", Process.Fields.ProcessName.StartsWith("ms").ToString());
    }

    [Fact]
    public void Terms_combine_with_and_or_not_and_parenthesise_only_where_needed()
    {
        CbQueryTerm name = Process.Fields.ProcessName.Is("cmd.exe");
        CbQueryTerm host = Process.Fields.Hostname.Is("WIN-1");
        CbQueryTerm pid = Process.Fields.ProcessPid.Is(4);

        Assert.Equal("process_name:cmd.exe AND hostname:WIN-1", (name & host).ToString());
        Assert.Equal("(process_name:cmd.exe OR hostname:WIN-1) AND process_pid:4", ((name | host) & pid).ToString());
        Assert.Equal("process_name:cmd.exe OR hostname:WIN-1 AND process_pid:4", (name | (host & pid)).ToString());
        Assert.Equal("-process_name:cmd.exe", (!name).ToString());
        Assert.Equal("-(process_name:cmd.exe OR hostname:WIN-1)", (!(name | host)).ToString());
        Assert.Equal("(a:1 b:2) AND process_pid:4", (CbQueryTerm.Raw("a:1 b:2") & pid).ToString());
        Assert.Equal("process_name:a.exe OR process_name:b.exe", Process.Fields.ProcessName.IsAnyOf("a.exe", "b.exe").ToString());
    }

    [Fact]
    public void Numbers_dates_and_booleans_use_the_query_forms()
    {
        Assert.Equal("process_pid:[10 TO *]", Process.Fields.ProcessPid.AtLeast(10).ToString());
        Assert.Equal("comms_ip:\\-1407252262", Process.Fields.CommsIp.Is(-1407252262).ToString());
        Assert.Equal("start:-24h", Process.Fields.Start.WithinLast(TimeSpan.FromHours(24)).ToString());
        Assert.Equal("start:-90m", Process.Fields.Start.WithinLast(TimeSpan.FromMinutes(90)).ToString());
        Assert.Equal("start:-30s", Process.Fields.Start.WithinLast(TimeSpan.FromSeconds(30)).ToString());
        Assert.Equal("start:2013-12-01", Process.Fields.Start.On(new DateOnly(2013, 12, 1)).ToString());
        Assert.Equal("start:[2013-12-01T22:15:00 TO *]", Process.Fields.Start.Since(new DateTimeOffset(2013, 12, 1, 23, 15, 0, TimeSpan.FromHours(1))).ToString());
        Assert.Equal("terminated:true", Process.Fields.Terminated.Is(true).ToString());
        Assert.Equal("unique_id:*", Process.Fields.UniqueId.Exists().ToString());
        Assert.Equal("last_update desc", Process.Fields.LastUpdate.Descending);
        Assert.Equal("hostname", Sensor.Fields.ComputerName.Name);
    }

    [Fact]
    public async Task A_to_one_join_fetches_through_the_session_by_key()
    {
        var session = new RecordingSession();
        var process = Load<Process>("""{"id":"p","segment_id":1,"sensor_id":"12"}""");
        process.Client = session;

        Sensor? sensor = await process.GetSensorAsync();

        Assert.Equal("12", Assert.Single(session.Gets));
        Assert.Equal(12, sensor!.Id);
        Assert.False(process.Sensor!.IsFull);
        Assert.Equal("12", process.Sensor!.GetKeyString());
    }

    [Fact]
    public async Task A_to_one_join_with_an_empty_key_is_null_without_a_request()
    {
        var session = new RecordingSession();
        var process = Load<Process>("""{"id":"p"}""");
        process.Client = session;

        Assert.Null(await process.GetSensorAsync());
        Assert.Null(process.Sensor);
        Assert.Empty(session.Gets);
    }

    [Fact]
    public async Task A_join_to_a_model_of_another_assembly_uses_its_model_info()
    {
        var session = new RecordingSession();
        var sensor = Load<Sensor>("""{"id":1,"asset_id":77}""");
        sensor.Client = session;

        Asset? asset = await sensor.GetAssetAsync();

        Assert.Equal(77, asset!.AssetId);
        Assert.Equal("/inventory/assets/77", Asset.ModelInfo.Routes.Get!.Resolve(null)!.Expand(asset.GetFieldText));
    }

    [Fact]
    public void A_to_many_join_is_a_query_with_the_template_filled_and_escaped()
    {
        var session = new RecordingSession();
        var process = Load<Process>("""{"id":"p","unique_id":"00000001-0000-02a8-01d3-202c7d4bb023-015e2e1f45f7"}""");
        process.Client = session;

        var query = (RecordingQuery<Process>)process.Children;

        Assert.Equal("parent_unique_id:00000001-0000-02a8-01d3-202c7d4bb023-015e2e1f45f7", Assert.Single(query.Terms));
        Assert.Throws<InvalidOperationException>(() => Load<Process>("{}").Children);
    }

    /// <summary>A session that answers get-by-key from the key alone and records what it was asked.</summary>
    private sealed class RecordingSession : ICbModelSession
    {
        public List<string> Gets { get; } = [];

        public Task<T> GetAsync<T>(string key, CancellationToken cancellationToken = default)
            where T : CbModel, ICbModel<T>
        {
            Gets.Add(key);
            T model = T.ModelInfo.CreateReference(key);
            return Task.FromResult(model);
        }

        public T Select<T>(string key)
            where T : CbModel, ICbModel<T> => T.ModelInfo.CreateReference(key);

        public CbQuery<T> Select<T>()
            where T : CbModel, ICbModel<T> => new RecordingQuery<T>();

        public Task RefreshAsync(CbModel model, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<T> SaveAsync<T>(T model, CancellationToken cancellationToken = default)
            where T : CbModel => Task.FromResult(model);

        public Task<CbServerInfo> GetServerInfoAsync(CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The join tests never ask for the server's version.");
    }

    /// <summary>The runtime's query with its terms recorded instead of sent (its members are virtual for this).</summary>
    private sealed class RecordingQuery<T> : CbQuery<T>
        where T : CbModel, ICbModel<T>
    {
        public List<string> Terms { get; } = [];

        public override CbQuery<T> Where(string query)
        {
            Terms.Add(query);
            return this;
        }

        public override CbQuery<T> Where(CbQueryTerm term) => Where(term.ToString());
    }
}
