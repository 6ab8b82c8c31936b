using System.Globalization;
using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>Multipart bodies and free-form parameter objects (<c>stream</c>, <c>json</c>, <c>members</c>): bad uses point at the spec.</summary>
public class BodyKindDiagnosticsTests
{
    private const string Path = "specs/Thing.model.yaml";

    // Lines 1-8; the operation under test starts on line 9, its route is line 10 and its parameters line 11.
    private const string Head = "model: Thing\nkey: { fields: [id] }\nroutes:\n  get: GET /x/{id}\nfields:\n  id: int\n  name: string\noperations:\n"
        + "  send:\n    route: \"POST /x/{id}/send\"\n    parameters:\n";

    private static (string Id, int Line, int Column, string Message) Single(string rest)
    {
        var run = GeneratorHarness.Run([(Path, Head + rest)]);
        Assert.Null(run.Exception);
        var d = Assert.Single(run.GeneratorDiagnostics);
        var span = d.Location.GetLineSpan();
        Assert.Equal(Path, span.Path);
        Assert.Equal(0, run.Sources.Keys.Count(k => k.Contains(".Thing.", System.StringComparison.Ordinal)));
        return (d.Id, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_well_formed_multipart_and_parameter_object_generate()
    {
        var run = GeneratorHarness.Run([(Path, Head
            + "      file: { type: stream }\n      file_name: string\n    body: { kind: multipart, fileName: file_name }\n"
            + "  command:\n    route: \"POST /x/{id}/command\"\n    parameters:\n      value: json\n      arguments: { type: members, optional: true }\n")]);
        Assert.Empty(run.GeneratorDiagnostics);
        string operations = run.Sources.Single(s => s.Key.EndsWith("Thing.Operations.g.cs", System.StringComparison.Ordinal)).Value;
        Assert.Contains("SendOperationFormAsync", operations, System.StringComparison.Ordinal);
        Assert.Contains("CbFormPart.File(\"file\", file, fileName)", operations, System.StringComparison.Ordinal);
        Assert.Contains("JsonNode? value", operations, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_parameter_outside_the_body_is_CBT0025_at_its_in()
    {
        var d = Single("      file: { type: stream, in: query }\n");
        Assert.Equal(("CBT0025", 12, 33), (d.Id, d.Line, d.Column));
        Assert.Contains("body: multipart", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_parameter_in_the_query_is_CBT0025()
    {
        Assert.Equal(("CBT0025", 12, 32), Take(Single("      value: { type: json, in: query }\n")));
    }

    [Fact]
    public void A_stream_without_a_multipart_body_is_CBT0025_at_the_parameter()
    {
        var d = Single("      file: { type: stream }\n    body: parameters\n");
        Assert.Equal(("CBT0025", 12, 13), (d.Id, d.Line, d.Column));
        Assert.Contains("kind: multipart", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void An_optional_stream_is_CBT0025()
    {
        Assert.Equal(("CBT0025", 12, 39), Take(Single("      file: { type: stream, optional: true }\n      file_name: string\n    body: { kind: multipart, fileName: file_name }\n")));
    }

    [Fact]
    public void A_multipart_body_without_a_stream_is_CBT0026_at_the_body()
    {
        var d = Single("      file_name: string\n    body: { kind: multipart, fileName: file_name }\n");
        Assert.Equal(("CBT0026", 13, 11), (d.Id, d.Line, d.Column));
        Assert.Contains("type: stream", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_that_is_not_a_parameter_is_CBT0026_at_it()
    {
        Assert.Equal(("CBT0026", 14, 40), Take(Single("      file: { type: stream }\n      file_name: string\n    body: { kind: multipart, fileName: file_nam }\n")));
    }

    [Fact]
    public void A_multipart_body_without_a_file_name_is_CBT0026()
    {
        Assert.Equal(("CBT0026", 14, 11), Take(Single("      file: { type: stream }\n      file_name: string\n    body: { kind: multipart }\n")));
    }

    [Fact]
    public void A_file_name_on_a_json_body_is_CBT0026()
    {
        Assert.Equal(("CBT0026", 13, 41), Take(Single("      file_name: string\n    body: { kind: parameters, fileName: file_name }\n")));
    }

    [Fact]
    public void A_json_value_in_a_multipart_form_is_CBT0025()
    {
        var d = Single("      file: { type: stream }\n      file_name: string\n      meta: json\n    body: { kind: multipart, fileName: file_name }\n");
        Assert.Equal(("CBT0025", 14, 13), (d.Id, d.Line, d.Column));
        Assert.Contains("a form's parts are text", d.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Two_members_parameters_are_CBT0025_at_the_second()
    {
        Assert.Equal(("CBT0025", 13, 15), Take(Single("      first: members\n      second: members\n")));
    }

    private static (string, int, int) Take((string Id, int Line, int Column, string Message) d) => (d.Id, d.Line, d.Column);
}
