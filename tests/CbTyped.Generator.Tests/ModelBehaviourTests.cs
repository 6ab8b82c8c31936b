using System.Text;
using CbTyped.Modeling;
using CbTyped.Modeling.Json;
using CbTyped.Tests.Golden;
using Xunit;
using static CbTyped.Generator.Tests.Harness.ModelJson;

namespace CbTyped.Generator.Tests;

/// <summary>Dirty tracking, keys, required fields, hooks and the model info of generated models.</summary>
public class ModelBehaviourTests
{
    [Fact]
    public void Setting_a_value_back_makes_the_field_clean_again()
    {
        var sensor = Load<Sensor>("""{"computer_name":"A","groups":[1,2],"status":"Online"}""");

        sensor.ComputerName = "B";
        sensor.Groups = [1, 2];
        sensor.Status = SensorStatus.Online;
        Assert.Equal(["computer_name"], sensor.GetDirtyFields());
        Assert.True(sensor.IsFieldDirty("computer_name"));

        sensor.ComputerName = "A";
        Assert.False(sensor.IsDirty);
        Assert.Empty(sensor.GetDirtyFields());
    }

    [Fact]
    public void Loading_a_document_resets_dirty_state_and_cached_values()
    {
        var sensor = Load<Sensor>("""{"computer_name":"A"}""");
        sensor.ComputerName = "B";

        sensor.LoadJson("""{"computer_name":"C"}"""u8.ToArray());

        Assert.False(sensor.IsDirty);
        Assert.Equal("C", sensor.ComputerName);
    }

    [Fact]
    public void Keys_are_formatted_joined_and_normalised()
    {
        Assert.Equal("00000001-0000-02a8-01d3-202c7d4bb023/1504012355063",
            Process.ModelInfo.GetKey(Load<Process>("""{"id":"00000001-0000-02a8-01d3-202c7d4bb023","segment_id":1504012355063}""")));
        Assert.Equal("C7F5CAE0B450BE875EEE0E6DDFA771FE", Binary.ModelInfo.GetKey(Load<Binary>("""{"md5":"c7f5cae0b450be875eee0e6ddfa771fe"}""")));
        Assert.Null(Process.ModelInfo.GetKey(Load<Process>("""{"id":"x"}""")));
        Assert.Null(ServerInfo.ModelInfo.CreateNew().GetKeyString());
        Assert.Equal("ABC", Binary.ModelInfo.NormalizeKey("abc"));
    }

    [Fact]
    public void A_reference_knows_only_its_key()
    {
        Process process = Process.ModelInfo.CreateReference("00000001-0000-02a8-01d3-202c7d4bb023/1");

        Assert.False(process.IsFull);
        Assert.False(process.IsNew);
        Assert.Equal(1L, process.SegmentId);
        Assert.Equal("00000001-0000-02a8-01d3-202c7d4bb023/1", process.GetKeyString());
        Assert.Throws<ArgumentException>(() => Process.ModelInfo.CreateReference("only-one-part"));
    }

    [Fact]
    public void Missing_required_fields_are_reported_until_set()
    {
        var group = SensorGroup.ModelInfo.CreateNew();
        Assert.Equal(["name", "site_id", "sensorbackend_server"], group.MissingRequiredFields());

        group.Name = "Servers";
        group.SiteId = 1;
        group.SensorbackendServer = "https://cb:443";
        Assert.Empty(group.MissingRequiredFields());

        group.Name = null;
        Assert.Equal(["name"], group.MissingRequiredFields());
    }

    [Fact]
    public void Field_text_is_what_routes_and_queries_use()
    {
        var process = Load<Process>("""{"id":"g","segment_id":2,"start":"2017-08-28T18:35:57.663Z","terminated":true}""");

        Assert.Equal("2", process.GetFieldText("segment_id"));
        Assert.Equal("2017-08-28T18:35:57", process.GetFieldText("start"));
        Assert.Equal("true", process.GetFieldText("terminated"));
        Assert.Null(process.GetFieldText("watchlists"));
        Assert.Null(process.GetFieldText("no_such_field"));
        Assert.Equal("/api/v2/process/g/2", Process.ModelInfo.Routes.Get!.Resolve(new Version(6, 2))!.Expand(process.GetFieldText));
    }

    [Fact]
    public void Model_info_describes_routes_query_fields_and_joins()
    {
        CbModelInfo<Process> info = Process.ModelInfo;

        Assert.Equal("Process", info.Name);
        Assert.Equal(["id", "segment_id"], info.Key.Fields);
        Assert.Equal(CbQueryKind.Search, info.Query.Kind);
        Assert.Equal("last_update desc", info.Query.DefaultSort);
        Assert.Equal(100, info.Query.PageSize);
        Assert.Equal("GET /api/v1/process/{id}/{segment_id}", info.Routes.Get!.Resolve(new Version(5, 1, 1))!.ToString());
        Assert.Equal("/api/v3/process/{id}/{segment_id}/event", info.Routes.Extra["events"].Resolve(new Version(5, 2))!.Template);
        Assert.Equal("/api/v4/process/{id}/{segment_id}/event", info.Routes.Extra["events"].Resolve(new Version(7, 0))!.Template);
        Assert.Null(info.Routes.Delete);
        CbFieldInfo path = info.Fields.Single(f => f.JsonName == "path");
        Assert.Equal("ProcessPath", path.PropertyName);
        Assert.True(path.IsFacet);
        Assert.Equal(CbFieldShape.List, info.FindField("watchlists")!.Shape);
        Assert.True(info.FindField("id")!.IsKey);
        Assert.Equal(["sensor", "children"], info.Joins.Select(j => j.Name));
        Assert.Equal("global::CbTyped.Tests.Golden.Sensor", info.Joins[0].TargetModel);
        Assert.Equal("global::CbTyped.Tests.Golden.Watchlist", WatchlistAction.ModelInfo.Query.ParentModel);
        Assert.Equal(["hostname", "ip", "groupid"], Sensor.ModelInfo.Query.Parameters);
    }

    [Fact]
    public void A_search_page_is_read_in_one_pass_with_its_envelope()
    {
        byte[] page = """
            {"terms": [], "results": [{"id": "a", "segment_id": 1, "process_name": "x.exe"}, {"id": "b", "segment_id": 2, "extra": {"k": "}"}}],
             "elapsed": 0.14, "total_results": 34884, "facets": {"process_name": []}, "start": 100}
            """u8.ToArray();

        CbPage<Process> result = CbSearchPageReader.Read<Process>(page, client: null, rowsAreFull: false);

        Assert.Equal(34884, result.TotalResults);
        Assert.Equal(100, result.Start);
        Assert.Equal("""{"process_name": []}""", Encoding.UTF8.GetString(result.Facets.Span));
        Assert.Equal(["a", "b"], result.Values.Select(p => p.Id));
        Assert.Equal("x.exe", result.Values[0].ProcessName);
        Assert.False(result.Values[1].IsFull);
        Assert.Equal("""{"id": "b", "segment_id": 2, "extra": {"k": "}"}}""", Encoding.UTF8.GetString(result.Values[1].RawJson.Span));
    }

    [Fact]
    public void A_bare_array_and_an_empty_body_are_pages_too()
    {
        Assert.Equal(2, CbSearchPageReader.Read<SensorGroup>("""[{"id":1},{"id":2}]"""u8.ToArray()).Values.Count);
        Assert.Empty(CbSearchPageReader.Read<SensorGroup>(ReadOnlyMemory<byte>.Empty).Values);
        Assert.Throws<CbJsonException>(() => CbSearchPageReader.Read<SensorGroup>("""[{"id":1},]"""u8.ToArray()));
    }

    [Fact]
    public void The_loaded_hook_runs_after_every_load()
    {
        var watchlist = Load<Watchlist>("""{"search_query":"q=process_name%3Anotepad.exe"}""");
        Assert.Equal(1, watchlist.LoadCount);
        watchlist.LoadJson("""{}"""u8.ToArray());
        Assert.Equal(2, watchlist.LoadCount);
    }
}
