using System.Globalization;
using System.Linq;
using System.Net;
using CbTyped.Generator.Tests.Harness;
using CbTyped.Tests.Golden;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// <c>searchFields:</c>: query-language fields that are not document fields become typed query fields (and nothing
/// else); a bad entry is a CBT diagnostic at its line and column.
/// </summary>
public class SearchFieldsTests
{
    private const string Path = "specs/Thing.model.yaml";
    private const string Head = "model: Thing\nquery: { kind: search }\nroutes: { list: GET /api/v1/thing }\nfields:\n  id: int\n  name: { type: string, search: thing_name }\n";

    private static (string Id, string Path, int Line, int Column) Single(string spec) => SpecErrors.OnlyDiagnostic(Path, spec, nothingGenerated: true);

    private static string Message(string spec) => SpecErrors.Message(Path, spec);

    [Fact]
    public void Search_only_fields_become_typed_query_fields_but_not_properties()
    {
        // The golden Process (tests/CbTyped.Generator.Tests.Models/Specs/Process.model.yaml) declares one of each type.
        Assert.Equal("md5:79b6d4c5283fc806387c55b8d7c8b762", Process.Fields.Md5.Is("79b6d4c5283fc806387c55b8d7c8b762").ToString());
        Assert.Equal(@"filemod:system32\ntdll.dll", Process.Fields.Filemod.Is(@"system32\ntdll.dll").ToString());
        Assert.Equal("ipaddr:192.168.0.0/16", Process.Fields.Ipaddr.InRange("192.168.0.0/16").ToString());
        Assert.Equal("ipaddr:10.0.0.1 OR ipaddr:10.0.0.2", Process.Fields.Ipaddr.IsAnyOf(IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2")).ToString());
        Assert.Equal("ipport:[1 TO 1024]", Process.Fields.Ipport.Between(1, 1024).ToString());
        Assert.Equal("ipport desc", Process.Fields.Ipport.Descending);
        Assert.Equal("has_emet_event:true", Process.Fields.HasEmetEvents.Is(true).ToString());
        Assert.Equal("last_server_update:[2016-01-01T00:00:00 TO *]", Process.Fields.LastServerUpdate.Since(new System.DateTimeOffset(2016, 1, 1, 0, 0, 0, System.TimeSpan.Zero)).ToString());

        // No property, no serializer slot: the document's fields are unchanged.
        Assert.Null(typeof(Process).GetProperty("Md5"));
        Assert.Null(typeof(Process).GetProperty("Filemod"));
        Assert.DoesNotContain(Process.ModelInfo.Fields, f => f.JsonName is "md5" or "filemod" or "ipaddr" or "ipport" or "has_emet_event" or "last_server_update");
    }

    [Fact]
    public void A_bad_cidr_range_is_refused_before_it_reaches_the_server()
    {
        Assert.Throws<System.FormatException>(() => Process.Fields.Ipaddr.InRange("192.168.0.0/99"));
    }

    [Fact]
    public void Shorthand_and_every_type_compile_without_warnings()
    {
        var spec = Head + "searchFields:\n  md5: string\n  ipport: { type: number, sortable: true }\n  start_day: { type: date, facet: true }\n  tampered: bool\n  ipaddr: { type: ip, doc: \"A remote address.\\nOr a range.\" }\n";
        var run = GeneratorHarness.RunOne(Path, spec);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string fields = run.Sources.Single(s => s.Key.EndsWith(".Thing.Fields.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("public static global::CbTyped.Modeling.CbIpSearchField Ipaddr { get; } = new(\"ipaddr\");", fields);
        Assert.Contains("/// <summary>Query field <c>ipaddr</c> (search only, not a property). A remote address. Or a range.</summary>", fields);
        Assert.Contains("public static global::CbTyped.Modeling.CbDateSearchField StartDay { get; } = new(\"start_day\");", fields);
        Assert.Contains("public static global::CbTyped.Modeling.CbBoolSearchField Tampered { get; } = new(\"tampered\");", fields);
        Assert.Contains("public static global::CbTyped.Modeling.CbNumberSearchField Ipport { get; } = new(\"ipport\");", fields);
        Assert.Contains("public static global::CbTyped.Modeling.CbStringSearchField Md5 { get; } = new(\"md5\");", fields);
        string model = run.Sources.Single(s => s.Key.EndsWith(".Thing.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.DoesNotContain("Md5", model);
    }

    [Fact]
    public void Unknown_key_suggests_the_nearest_search_field_key()
    {
        var spec = Head + "searchFields:\n  md5: { type: string, sortible: true }\n";
        Assert.Equal(("CBT0003", Path, 8, 24), Single(spec));
        Assert.Contains("Did you mean 'sortable'?", Message(spec));
    }

    [Fact]
    public void Unknown_top_level_key_suggests_searchFields()
    {
        var spec = Head + "searchField:\n  md5: string\n";
        Assert.Equal(("CBT0003", Path, 7, 1), Single(spec));
        Assert.Contains("Did you mean 'searchFields'?", Message(spec));
    }

    [Fact]
    public void Unknown_type_lists_the_query_types()
    {
        var spec = Head + "searchFields:\n  ipaddr: { type: ipp }\n";
        Assert.Equal(("CBT0006", Path, 8, 19), Single(spec));
        Assert.Contains("Did you mean 'ip'?", Message(spec));
        Assert.Contains("Use one of: string, number, date, bool, ip.", Message(spec));
    }

    [Fact]
    public void Missing_type()
    {
        Assert.Equal(("CBT0004", Path, 8, 8), Single(Head + "searchFields:\n  md5: { doc: An MD5. }\n"));
    }

    [Fact]
    public void Written_twice()
    {
        Assert.Equal("CBT0002", Single(Head + "searchFields:\n  md5: string\n  md5: string\n").Id);
    }

    [Fact]
    public void Same_query_name_as_a_document_field_points_at_the_search_field()
    {
        // `name` already searches as thing_name; `id` (a search model's field) as id.
        var spec = Head + "searchFields:\n  md5: string\n  thing_name: string\n";
        Assert.Equal(("CBT0019", Path, 9, 3), Single(spec));
        Assert.Contains("'thing_name' is already the query name of field 'name' (Fields.Name)", Message(spec));
        Assert.Equal(("CBT0019", Path, 8, 3), Single(Head + "searchFields:\n  id: number\n"));
    }

    [Fact]
    public void Same_csharp_name_as_a_document_query_field()
    {
        var spec = Head + "searchFields:\n  the_name: { type: string, name: Name }\n";
        Assert.Equal(("CBT0010", Path, 8, 35), Single(spec));
        Assert.Contains("clashes with the query field of field 'name'", Message(spec));
    }

    [Fact]
    public void Two_search_fields_with_one_csharp_name()
    {
        Assert.Equal(("CBT0010", Path, 9, 3), Single(Head + "searchFields:\n  file_mod: string\n  file__mod: string\n"));
    }

    [Fact]
    public void A_search_field_named_like_its_class()
    {
        Assert.Equal(("CBT0010", Path, 8, 3), Single(Head + "searchFields:\n  fields: string\n"));
    }

    [Fact]
    public void A_query_name_the_language_cannot_write()
    {
        Assert.Equal(("CBT0006", Path, 8, 3), Single(Head + "searchFields:\n  \"file mod\": string\n"));
        Assert.Equal(("CBT0009", Path, 8, 28), Single(Head + "searchFields:\n  x: { type: string, name: class }\n"));
    }

    [Fact]
    public void A_list_instead_of_a_mapping()
    {
        Assert.Equal(("CBT0005", Path, 7, 15), Single(Head + "searchFields: [md5, filemod]\n"));
        Assert.Equal(("CBT0005", Path, 8, 8), Single(Head + "searchFields:\n  md5: [string]\n"));
    }
}
