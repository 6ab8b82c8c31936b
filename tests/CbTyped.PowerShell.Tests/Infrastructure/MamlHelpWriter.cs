using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CbTyped.PowerShell.Tests.Infrastructure;

/// <summary>
/// Writes the module's MAML help (what <c>Get-Help</c> reads for a binary module) from its cmdlets: names, parameter
/// sets, positions and pipeline input from their attributes; synopsis, descriptions and examples from their XML doc
/// comments (<c>&lt;summary&gt;</c>, <c>&lt;example&gt;</c>). So the help is written once, beside the code it describes.
/// </summary>
internal static partial class MamlHelpWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static string Write(Assembly module, XDocument docs)
    {
        var members = docs.Descendants("member").ToDictionary(m => (string)m.Attribute("name")!, m => m);
        var cmdlets = module.GetExportedTypes()
            .Select(t => (Type: t, Cmdlet: t.GetCustomAttribute<CmdletAttribute>()))
            .Where(c => c.Cmdlet is not null && !c.Type.IsAbstract)
            .OrderBy(c => c.Cmdlet!.NounName, StringComparer.Ordinal).ThenBy(c => c.Cmdlet!.VerbName, StringComparer.Ordinal);
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            cmdlets.Select(c => CommandElement(c.Type, c.Cmdlet!, members)));
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + root.ToString().ReplaceLineEndings("\n") + "\n";
    }

    private static XElement CommandElement(Type type, CmdletAttribute cmdlet, Dictionary<string, XElement> members)
    {
        var name = cmdlet.VerbName + "-" + cmdlet.NounName;
        var summary = Text(members.GetValueOrDefault("T:" + type.FullName)?.Element("summary"));
        // "<c>Get-CbProcess</c>: a process search …" → "A process search …".
        var description = summary.StartsWith(name + ": ", StringComparison.Ordinal) ? summary[(name.Length + 2)..] : summary;
        description = description.Length > 0 ? char.ToUpperInvariant(description[0]) + description[1..] : description;
        var synopsis = FirstSentence().Match(description) is { Success: true } m ? m.Value.Trim() : description;
        var parameters = Parameters(type, members);
        var sets = parameters.SelectMany(p => p.Attributes.Select(a => a.ParameterSetName)).Where(s => s != ParameterAttribute.AllParameterSets).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sets.Count == 0)
            sets.Add(ParameterAttribute.AllParameterSets);

        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", name),
                new XElement(Command + "verb", cmdlet.VerbName),
                new XElement(Command + "noun", cmdlet.NounName),
                new XElement(Maml + "description", Para(synopsis))),
            new XElement(Maml + "description", Para(description)),
            new XElement(Command + "syntax", sets.Select(set => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", name),
                parameters.Select(p => (p, a: p.Attributes.FirstOrDefault(a => a.ParameterSetName == set || a.ParameterSetName == ParameterAttribute.AllParameterSets)))
                    .Where(x => x.a is not null)
                    .OrderBy(x => x.a!.Position < 0 ? int.MaxValue : x.a.Position).ThenBy(x => x.a!.Mandatory ? 0 : 1)
                    .Select(x => ParameterElement(x.p, x.a!, withDescription: false))))),
            new XElement(Command + "parameters", parameters.Select(p => ParameterElement(p, p.Attributes[0], withDescription: true))),
            new XElement(Command + "examples", Examples(members.GetValueOrDefault("T:" + type.FullName))));
    }

    private sealed record Parameter(PropertyInfo Property, IReadOnlyList<ParameterAttribute> Attributes, string Description);

    private static List<Parameter> Parameters(Type type, Dictionary<string, XElement> members) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => new Parameter(p, [.. p.GetCustomAttributes<ParameterAttribute>()],
                Text(members.GetValueOrDefault("P:" + p.DeclaringType!.FullName + "." + p.Name)?.Element("summary"))))
            .Where(p => p.Attributes.Count > 0)
            .OrderBy(p => p.Property.Name, StringComparer.Ordinal)];

    private static XElement ParameterElement(Parameter parameter, ParameterAttribute attribute, bool withDescription)
    {
        var type = Nullable.GetUnderlyingType(parameter.Property.PropertyType) ?? parameter.Property.PropertyType;
        var isSwitch = type == typeof(SwitchParameter);
        var pipeline = (attribute.ValueFromPipeline, attribute.ValueFromPipelineByPropertyName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
        var element = new XElement(Command + "parameter",
            new XAttribute("required", attribute.Mandatory ? "true" : "false"),
            new XAttribute("position", attribute.Position >= 0 ? attribute.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) : "named"),
            new XAttribute("pipelineInput", pipeline),
            new XAttribute("globbing", parameter.Property.GetCustomAttribute<SupportsWildcardsAttribute>() is null ? "false" : "true"),
            new XElement(Maml + "name", parameter.Property.Name));
        if (withDescription)
            element.Add(new XElement(Maml + "description", Para(parameter.Description)));
        if (!isSwitch)
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), type.Name));
        if (withDescription)
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", type.FullName)));
        return element;
    }

    private static IEnumerable<XElement> Examples(XElement? member) =>
        (member?.Elements("example") ?? []).Select((example, i) => new XElement(Command + "example",
            new XElement(Maml + "title", $"-------------------------- Example {i + 1} --------------------------"),
            new XElement(Dev + "code", string.Join("\n", ((string?)example.Element("code") ?? string.Empty).Trim().Split('\n').Select(l => l.Trim()))),
            new XElement(Dev + "remarks", Para(Text(example.Element("para"))))));

    private static XElement Para(string text) => new(Maml + "para", text);

    /// <summary>The plain text of a doc element: <c>&lt;c&gt;</c> as its text, <c>&lt;see cref&gt;</c> as the member's name.</summary>
    private static string Text(XElement? element)
    {
        if (element is null)
            return string.Empty;
        var parts = element.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" } see when see.Attribute("cref") is { } cref => cref.Value[(cref.Value.LastIndexOf('.') + 1)..],
            XElement { Name.LocalName: "see" } see when see.Attribute("langword") is { } word => word.Value,
            XElement inner => inner.Value,
            _ => string.Empty,
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"^.*?[.:;](?=\s|$)")]
    private static partial Regex FirstSentence();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
