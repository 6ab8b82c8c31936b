using System.Linq;
using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace CbTyped.Generator.Tests.Fuzz;

/// <summary>Rewrites a (trusted, real) YAML spec as JSON text, so JSON mutations start from every real spec.</summary>
internal static class YamlToJson
{
    /// <summary>The spec as indented JSON; every scalar becomes a JSON string (the generator reads scalars as text).</summary>
    public static string Convert(string yaml, bool trailingCommas = false)
    {
        var stream = new YamlStream();
        stream.Load(new System.IO.StringReader(yaml));
        var builder = new StringBuilder();
        Write(builder, stream.Documents[0].RootNode, 0, trailingCommas);
        return builder.Append('\n').ToString();
    }

    private static void Write(StringBuilder builder, YamlNode node, int depth, bool trailingCommas)
    {
        string indent = new(' ', (depth + 1) * 2), close = new(' ', depth * 2);
        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(JsonSerializer.Serialize(scalar.Value ?? string.Empty));
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                var items = sequence.Children.ToList();
                for (int i = 0; i < items.Count; i++)
                {
                    builder.Append('\n').Append(indent);
                    Write(builder, items[i], depth + 1, trailingCommas);
                    if (i < items.Count - 1 || trailingCommas) builder.Append(',');
                }
                builder.Append('\n').Append(close).Append(']');
                break;
            case YamlMappingNode mapping:
                builder.Append('{');
                var entries = mapping.Children.ToList();
                for (int i = 0; i < entries.Count; i++)
                {
                    builder.Append('\n').Append(indent).Append(JsonSerializer.Serialize(((YamlScalarNode)entries[i].Key).Value)).Append(": ");
                    Write(builder, entries[i].Value, depth + 1, trailingCommas);
                    if (i < entries.Count - 1 || trailingCommas) builder.Append(',');
                }
                builder.Append('\n').Append(close).Append('}');
                break;
        }
    }
}
