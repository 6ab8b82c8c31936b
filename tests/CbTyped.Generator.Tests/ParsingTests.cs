using System.Linq;
using CbTyped.Generator.Model;
using CbTyped.Generator.Parsing;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>The happy path: the spec files under TestSpecs/ become the expected records.</summary>
public class ParsingTests
{
    private static readonly GeneratorOptions Options = new("Root.Ns", null);

    private static ModelSpec ParseClean(string fileName)
    {
        var (path, text) = TestSpecFiles.Get(fileName);
        var result = SpecParser.Parse(path, text, Options);
        Assert.Empty(result.Diagnostics);
        Assert.NotNull(result.Model);
        return result.Model!;
    }

    [Fact]
    public void Sensor_model_level_values()
    {
        var sensor = ParseClean("Sensor.model.yaml");
        Assert.Equal("Sensor", sensor.Name);
        Assert.Equal("CbTyped.Tests.Response", sensor.Namespace);
        Assert.Equal("global::CbTyped.Tests.Response.Sensor", sensor.FullTypeName);
        Assert.Equal("A Cb Response sensor (the agent on an endpoint).", sensor.Doc);
        Assert.Equal(["id"], sensor.Key.Fields);
        Assert.Equal(QueryKind.ServerList, sensor.Query.Kind);
        Assert.Equal(["hostname", "ip", "groupid"], sensor.Query.Parameters);
        Assert.Equal(100, sensor.Query.PageSize);
        Assert.Equal("Sensor.model.yaml", sensor.SpecFileName);
    }

    [Fact]
    public void Sensor_routes()
    {
        var routes = ParseClean("Sensor.model.yaml").Routes;
        var get = Assert.Single(routes.Get!.Variants);
        Assert.Equal("GET", get.Method);
        Assert.Equal("/api/v1/sensor/{id}", get.Template);
        Assert.Equal(["id"], get.Placeholders);
        Assert.Equal("POST", routes.Create!.Variants[0].Method);
        Assert.Equal("PUT", routes.Update!.Variants[0].Method);
        Assert.Equal("DELETE", routes.Delete!.Variants[0].Method);
        Assert.Equal("/api/v2/sensor", routes.List!.Variants[0].Template);
        Assert.Empty(routes.Extra);
    }

    [Fact]
    public void Sensor_fields_in_file_order_with_types_and_modifiers()
    {
        var sensor = ParseClean("Sensor.model.yaml");
        Assert.Equal(
            ["id", "computer_name", "group_id", "last_checkin_time", "status", "network_isolation_enabled", "md5", "groups", "network_interfaces", "tags", "uptime_span", "build_version_string"],
            sensor.Fields.Select(f => f.JsonName));
        var byName = sensor.Fields.ToDictionary(f => f.JsonName);

        Assert.True(byName["id"].ReadOnly);
        Assert.Equal(FieldKind.Int, byName["id"].Type.Kind);
        Assert.Equal("The sensor id.", byName["id"].Doc);

        var computer = byName["computer_name"];
        Assert.Equal("ComputerName", computer.PropertyName);
        Assert.Equal("hostname", computer.SearchName);
        Assert.True(computer.Sortable);
        Assert.True(computer.Facet);

        Assert.True(byName["group_id"].RequiredOnCreate);
        Assert.Equal("GroupId", byName["group_id"].PropertyName);
        Assert.Equal(DateFormat.Postgres, byName["last_checkin_time"].DateFormat);

        var status = byName["status"].Type;
        Assert.Equal(FieldKind.Enum, status.Kind);
        Assert.Equal("SensorStatus", status.EnumTypeName);
        Assert.Equal(["Online", "Offline", "Uninstalled"], status.EnumValues.Select(v => v.WireValue));

        Assert.False(byName["md5"].Nullable);
        Assert.True(byName["network_isolation_enabled"].Nullable);

        Assert.Equal(FieldKind.List, byName["groups"].Type.Kind);
        Assert.Equal(FieldKind.Int, byName["groups"].Type.Element!.Kind);
        Assert.Equal(FieldKind.Nested, byName["network_interfaces"].Type.Element!.Kind);
        Assert.Equal("NetworkInterface", byName["network_interfaces"].Type.Element!.NestedTypeName);
        Assert.Equal(FieldKind.Map, byName["tags"].Type.Kind);
        Assert.Equal(FieldKind.String, byName["tags"].Type.Element!.Kind);
        Assert.Equal(FieldKind.Clr, byName["uptime_span"].Type.Kind);
        Assert.Equal("global::System.TimeSpan", byName["uptime_span"].Type.ClrTypeName);
        Assert.Equal(FieldKind.String, byName["build_version_string"].Type.Kind);
        Assert.Null(byName["id"].SearchName);
    }

    [Fact]
    public void Sensor_nested_types_and_joins()
    {
        var sensor = ParseClean("Sensor.model.yaml");
        var nested = Assert.Single(sensor.Types);
        Assert.Equal("NetworkInterface", nested.Name);
        Assert.Equal("One network adapter.", nested.Doc);
        Assert.Equal(["ipaddr", "macaddr"], nested.Fields.Select(f => f.JsonName));

        Assert.Equal(["group", "processes", "custom"], sensor.Joins.Select(j => j.Name));
        var group = sensor.Joins[0];
        Assert.Equal(JoinKind.ToOne, group.Kind);
        Assert.Equal("Group", group.PropertyName);
        Assert.Equal("group_id", group.Via);
        Assert.Equal(string.Empty, group.TargetTypeName); // filled in by cross-spec validation
        var processes = sensor.Joins[1];
        Assert.Equal(JoinKind.ToMany, processes.Kind);
        Assert.Equal("sensor_id:{id}", processes.Query);
        Assert.Equal(["id"], processes.QueryPlaceholders);
        var custom = sensor.Joins[2];
        Assert.True(custom.TargetIsExternal);
        Assert.Equal("global::Other.Assembly.Thing", custom.TargetTypeName);
    }

    [Fact]
    public void Process_composite_key_search_defaults_and_version_variants()
    {
        var process = ParseClean("Process.model.yaml");
        Assert.Equal(["id", "segment_id"], process.Key.Fields);
        Assert.Equal(QueryKind.Search, process.Query.Kind);
        Assert.Equal("last_update desc", process.Query.DefaultSort);
        var byName = process.Fields.ToDictionary(f => f.JsonName);
        Assert.Equal("process_id", byName["id"].SearchName);
        Assert.Null(byName["segment_id"].SearchName);
        Assert.Equal("process_name", byName["process_name"].SearchName); // search models: the JSON name by default

        var get = process.Routes.Get!.Variants;
        Assert.Equal(2, get.Count);
        Assert.Equal("5.99", get[0].MaxServerVersion);
        Assert.Null(get[0].MinServerVersion);
        Assert.Equal("6.0", get[1].MinServerVersion);
        Assert.Equal(["id", "segment_id"], get[1].Placeholders);

        var events = Assert.Single(process.Routes.Extra);
        Assert.Equal("events", events.Name);
        Assert.Equal("Events", events.PascalName);
        Assert.Equal("/api/v4/process/{id}/{segment_id}/event", events.Variants[1].Template);
    }

    [Fact]
    public void Json_spec_reads_like_yaml()
    {
        var action = ParseClean("WatchlistAction.model.json");
        Assert.Equal(QueryKind.ChildList, action.Query.Kind);
        Assert.Equal("Sensor", action.Query.Parent!.Model);
        Assert.Equal("sensor_id", action.Query.Parent.Field);
        Assert.Equal(["parent.id", "id"], action.Routes.Update!.Variants[0].Placeholders);
        var type = action.Fields.Single(f => f.JsonName == "action_type").Type;
        Assert.Equal("WatchlistActionType", type.EnumTypeName);
        Assert.Equal(["Email", "Syslog", "Alert"], type.EnumValues.Select(v => v.MemberName));
    }

    [Fact]
    public void Namespace_falls_back_to_msbuild_options()
    {
        const string spec = "model: Thing\nfields:\n  id: int\n";
        Assert.Equal("Custom.Ns", SpecParser.Parse("Thing.model.yaml", spec, new GeneratorOptions("Root.Ns", "Custom.Ns")).Model!.Namespace);
        Assert.Equal("Root.Ns", SpecParser.Parse("Thing.model.yaml", spec, new GeneratorOptions("Root.Ns", null)).Model!.Namespace);
        Assert.Equal(GeneratorOptions.FallbackNamespace, SpecParser.Parse("Thing.model.yaml", spec, new GeneratorOptions(null, " ")).Model!.Namespace);
    }

    [Fact]
    public void Scalars_are_typed_by_our_rules_not_yaml_1_1()
    {
        // 'no' and 'yes' are plain strings here (YAML 1.1 would make them booleans); only true/false are booleans.
        const string spec = "model: Thing\nfields:\n  answer: { type: enum, values: [yes, no, on, off] }\n";
        var model = SpecParser.Parse("Thing.model.yaml", spec, Options).Model!;
        Assert.Equal(["yes", "no", "on", "off"], model.Fields[0].Type.EnumValues.Select(v => v.WireValue));
    }

    [Fact]
    public void Parsing_twice_gives_equal_records()
    {
        var (path, text) = TestSpecFiles.Get("Sensor.model.yaml");
        var first = SpecParser.Parse(path, text, Options);
        var second = SpecParser.Parse(path, text, Options);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Every_test_spec_generates_without_diagnostics()
    {
        var run = GeneratorHarness.Run(TestSpecFiles.All());
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Null(run.Exception);
        Assert.Equal(5, run.ModelCount);
    }
}
