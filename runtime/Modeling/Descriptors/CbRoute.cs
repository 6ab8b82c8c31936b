using System.ComponentModel;
using System.Text;

namespace CbTyped.Modeling;

/// <summary>
/// One HTTP route: method and URL template, optionally limited to a server-version range (inclusive).
/// Templates name JSON fields in braces (<c>/api/v1/process/{id}/{segment_id}</c>) and parent fields as
/// <c>{parent.field}</c> for child lists.
/// </summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CbRoute
{
    /// <summary>Describes a route. Versions are dotted numbers (<c>"5.1"</c>, <c>"6.0.2"</c>).</summary>
    public CbRoute(string method, string template, string? minServerVersion = null, string? maxServerVersion = null)
    {
        Method = method;
        Template = template;
        MinServerVersion = minServerVersion is null ? null : Version.Parse(Normalize(minServerVersion));
        MaxServerVersion = maxServerVersion is null ? null : Version.Parse(Normalize(maxServerVersion));
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template.</summary>
    public string Template { get; }

    /// <summary>The lowest server version this route applies to, or null.</summary>
    public Version? MinServerVersion { get; }

    /// <summary>The highest server version this route applies to, or null.</summary>
    public Version? MaxServerVersion { get; }

    /// <summary>True when the route applies to <paramref name="serverVersion"/> (any route applies when it is unknown).</summary>
    public bool AppliesTo(Version? serverVersion) =>
        serverVersion is null
        || ((MinServerVersion is null || serverVersion >= MinServerVersion)
            && (MaxServerVersion is null || serverVersion <= MaxServerVersion));

    /// <summary>The placeholder names of the template, in order (e.g. <c>id</c>, <c>segment_id</c>, <c>parent.id</c>).</summary>
    public IReadOnlyList<string> Placeholders
    {
        get
        {
            var names = new List<string>();
            int i = 0;
            while ((i = Template.IndexOf('{', i)) >= 0)
            {
                int end = Template.IndexOf('}', i);
                if (end < 0)
                {
                    break;
                }

                names.Add(Template[(i + 1)..end]);
                i = end + 1;
            }

            return names;
        }
    }

    /// <summary>Fills the template; each value is percent-encoded as one path segment.</summary>
    /// <exception cref="InvalidOperationException">A placeholder has no value.</exception>
    public string Expand(Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        return ExpandCore(valueOf, escape: true);
    }

    /// <summary>Fills the template with values the caller has percent-encoded already (a value may then span segments).</summary>
    /// <exception cref="InvalidOperationException">A placeholder has no value.</exception>
    public string ExpandEscaped(Func<string, string?> valueOf)
    {
        ArgumentNullException.ThrowIfNull(valueOf);
        return ExpandCore(valueOf, escape: false);
    }

    private string ExpandCore(Func<string, string?> valueOf, bool escape)
    {
        var path = new StringBuilder(Template.Length + 32);
        int i = 0;
        while (i < Template.Length)
        {
            int open = Template.IndexOf('{', i);
            if (open < 0)
            {
                path.Append(Template, i, Template.Length - i);
                break;
            }

            int close = Template.IndexOf('}', open);
            path.Append(Template, i, open - i);
            string name = Template[(open + 1)..close];
            string value = valueOf(name)
                ?? throw new InvalidOperationException($"The route {Method} {Template} needs a value for {{{name}}}.");
            path.Append(escape ? Uri.EscapeDataString(value) : value);
            i = close + 1;
        }

        return path.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Template}";

    private static string Normalize(string version) => version.Contains('.', StringComparison.Ordinal) ? version : version + ".0";
}
