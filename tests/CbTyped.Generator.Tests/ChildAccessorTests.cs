using System.Linq;
using CbTyped.Generator.Tests.Harness;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>A child list's accessors on its parent (<c>query.parent.accessor</c>), also for a parent in another assembly.</summary>
public class ChildAccessorTests
{
    private const string Box = "model: Box\nnamespace: Store\nkey: { fields: [id] }\nquery: { kind: clientList }\nroutes:\n  list: GET /box\n  get: GET /box/{id}\nfields: { id: int, label: string }\n";

    private static string Item(string parent, string accessor) =>
        "model: Item\nnamespace: Store.Items\nkey: { fields: [id] }\nquery:\n  kind: childList\n  parent: { model: \"" + parent + "\", field: box_id, accessor: " + accessor + " }\n"
        + "routes:\n  list: GET /box/{parent.id}/item\nfields: { id: int, box_id: int }\n";

    [Theory]
    [InlineData("Box")]               // the parent by name, in this project
    [InlineData("global::Store.Box")] // by its full name, as for a built-in model in another assembly
    public void The_parent_gets_typed_extension_methods_that_fill_the_route_from_its_key(string parent)
    {
        var run = GeneratorHarness.Run([("/s/Box.model.yaml", Box), ("/s/Item.model.yaml", Item(parent, "Items"))],
            userCode: """
                namespace User
                {
                    using Store.Items;
                    public static class Calls
                    {
                        public static async System.Threading.Tasks.Task<int> Go(Store.Box box)
                        {
                            CbTyped.Modeling.ICbQuery<Item> query = box.SelectItems();
                            System.Collections.Generic.IReadOnlyList<Item> items = await box.GetItemsAsync();
                            return items.Count + box.GetItems().Count + (query is null ? 0 : 1);
                        }
                    }
                }
                """);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        string text = run.Sources["Store.Items.ItemExtensions.g.cs"];
        Assert.Contains("public static global::CbTyped.Modeling.ICbQuery<global::Store.Items.Item> SelectItems(this global::Store.Box parent)", text);
        Assert.Contains("CbQueryTerm.Raw(\"box_id:\" + key)", text);
        Assert.Contains("<c>GET /box/{parent.id}/item</c>", text);
    }

    [Fact]
    public void Without_an_accessor_nothing_is_added_to_the_parent()
    {
        var run = GeneratorHarness.Run([("/s/Box.model.yaml", Box), ("/s/Item.model.yaml", Item("Box", "Items").Replace(", accessor: Items", "", System.StringComparison.Ordinal))]);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.DoesNotContain(run.Sources.Keys, k => k.Contains("Extensions", System.StringComparison.Ordinal));
    }

    [Fact]
    public void An_accessor_named_like_a_parent_property_is_accepted_because_its_methods_are_prefixed()
    {
        // Box has the property Label; the accessor's methods are SelectLabel, GetLabelAsync and GetLabel.
        var run = GeneratorHarness.Run([("/s/Box.model.yaml", Box), ("/s/Item.model.yaml", Item("Box", "Label"))]);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("SelectLabel(this global::Store.Box parent)", run.Sources["Store.Items.ItemExtensions.g.cs"]);
    }

    [Fact]
    public void An_accessor_the_parents_own_member_hides_is_CBT0010_at_the_accessor()
    {
        // Box has an operation named get_things: GetThingsAsync would hide the accessor's GetThingsAsync.
        string box = Box + "operations:\n  get_things:\n    route: GET /box/{id}/things\n";
        string item = Item("Box", "Things");
        var run = GeneratorHarness.Run([("/s/Box.model.yaml", box), ("/s/Item.model.yaml", item)]);
        var clash = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "CBT0010");
        var span = clash.Location.GetLineSpan();
        Assert.EndsWith("Item.model.yaml", span.Path, System.StringComparison.Ordinal);
        Assert.Equal(5, span.StartLinePosition.Line); // the parent line (0-based), where accessor: is
        Assert.Contains("GetThingsAsync", clash.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("Store.Items.Item.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void An_accessor_that_is_not_a_CSharp_name_is_CBT0008()
    {
        var run = GeneratorHarness.Run([("/s/Box.model.yaml", Box), ("/s/Item.model.yaml", Item("Box", "\"my items\""))]);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "CBT0008");
    }
}
