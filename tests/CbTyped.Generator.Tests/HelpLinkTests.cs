using System;
using System.Linq;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Tests.Harness;
using Xunit;

namespace CbTyped.Generator.Tests;

/// <summary>Every CBT diagnostic links to the published spec format, an absolute URL a package user can open.</summary>
public class HelpLinkTests
{
    [Fact]
    public void Every_descriptor_has_an_absolute_https_help_link_under_the_project_url()
    {
        Assert.NotEmpty(DiagnosticDescriptors.ById);
        foreach (var descriptor in DiagnosticDescriptors.ById.Values)
        {
            Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link), descriptor.Id + ": " + descriptor.HelpLinkUri);
            Assert.Equal(Uri.UriSchemeHttps, link!.Scheme);
            Assert.StartsWith(HelpLinks.ProjectUrl + "/", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.EndsWith("docs/spec-format.md#diagnostics", descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_reported_diagnostic_carries_the_link_and_no_message_names_a_repository_path_alone()
    {
        var run = GeneratorHarness.RunOne("specs/Thing.model.yaml", "# only a comment\n");
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);

        Assert.Equal(HelpLinks.SpecDiagnostics, diagnostic.Descriptor.HelpLinkUri);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(HelpLinks.SpecFormat, message, StringComparison.Ordinal);
        Assert.DoesNotContain(" docs/spec-format.md", message, StringComparison.Ordinal);
        Assert.All(DiagnosticDescriptors.ById.Values, d =>
            Assert.DoesNotContain(" docs/", d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
