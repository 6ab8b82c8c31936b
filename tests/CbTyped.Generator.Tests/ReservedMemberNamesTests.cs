using System.Linq;
using System.Reflection;
using CbTyped.Generator.Parsing;
using CbTyped.Modeling;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>
/// A generated member (property, operation, accessor) named like a member of the model base classes would hide it:
/// the generator refuses such names (CBT0010) from <see cref="NameRules.ReservedMemberNames"/>, which must list every
/// member a generated class can see.
/// </summary>
public class ReservedMemberNamesTests
{
    [Theory]
    [InlineData(typeof(CbObject))]
    [InlineData(typeof(CbModel))]
    public void Every_member_a_generated_class_inherits_is_reserved(System.Type baseType)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var visible = baseType.GetMembers(all)
            .Where(m => m switch
            {
                MethodBase method => !method.IsSpecialName && !method.IsConstructor && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly),
                PropertyInfo property => property.GetMethod is { } get && (get.IsPublic || get.IsFamily || get.IsFamilyOrAssembly),
                FieldInfo field => field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly,
                EventInfo => true,
                _ => false,
            })
            .Select(m => m.Name)
            .Distinct()
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(visible);
        var missing = visible.Where(n => !NameRules.ReservedMemberNames.Contains(n)).ToList();
        Assert.True(missing.Count == 0, baseType.Name + " members a generated name could hide, missing from NameRules.ReservedMemberNames: " + string.Join(", ", missing));
    }

    [Fact]
    public void An_operation_named_like_a_protected_base_member_is_a_name_clash()
    {
        var spec = "model: Thing\nkey: { fields: [id] }\nfields:\n  id: int\noperations:\n  touch: { name: GetAssigned, route: \"POST /x/{id}/touch\" }\n";
        var run = Harness.GeneratorHarness.RunOne("specs/Thing.model.yaml", spec);
        Assert.Equal([("CBT0010", "specs/Thing.model.yaml", 6, 3)], run.DiagnosticPositions);
    }
}
