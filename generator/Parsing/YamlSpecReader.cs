using System;
using System.Collections.Generic;
using System.IO;
using CbTyped.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Reads YAML and JSON specs through YamlDotNet's representation model (a JSON document is a YAML flow document).
    /// Scalars stay text: no YAML 1.1 yes/no booleans, no number guessing.
    /// </summary>
    internal sealed class YamlSpecReader : ISpecReader
    {
        public static readonly YamlSpecReader Instance = new YamlSpecReader();

        public SpecDocument Read(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                var span = ToSpan(ex.Start, ex.End);
                string? duplicate = null;
                string message = CleanMessage(ex);
                if (ex.Message.IndexOf("Duplicate key", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    duplicate = DuplicateKeyText(text, ex.Start, ex.End);
                }
                return new SpecDocument(null, message, span, duplicate);
            }

            if (stream.Documents.Count == 0)
            {
                return new SpecDocument(null, null, null, null);
            }
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode;
                return new SpecDocument(null, "a spec file holds one document; found more than one ('---')", ToSpan(second.Start, second.End), null);
            }
            return new SpecDocument(Convert(stream.Documents[0].RootNode), null, null, null);
        }

        private static SpecNode Convert(YamlNode node)
        {
            var span = ToSpan(node.Start, node.End);
            switch (node)
            {
                case YamlScalarNode scalar:
                    return new SpecScalar(scalar.Value ?? string.Empty, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, span);
                case YamlSequenceNode sequence:
                    var items = new List<SpecNode>(sequence.Children.Count);
                    foreach (var child in sequence.Children) items.Add(Convert(child));
                    return new SpecSequence(items, span);
                case YamlMappingNode mapping:
                    var entries = new List<KeyValuePair<SpecScalar, SpecNode>>(mapping.Children.Count);
                    foreach (var pair in mapping.Children)
                    {
                        var key = pair.Key as YamlScalarNode;
                        // A complex (non-scalar) key is never valid in a spec; keep it as text so it is reported as unknown.
                        var keyNode = key is not null
                            ? new SpecScalar(key.Value ?? string.Empty, key.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, ToSpan(key.Start, key.End))
                            : new SpecScalar(pair.Key.ToString(), true, ToSpan(pair.Key.Start, pair.Key.End));
                        entries.Add(new KeyValuePair<SpecScalar, SpecNode>(keyNode, Convert(pair.Value)));
                    }
                    return new SpecMapping(entries, span);
                default:
                    return new SpecScalar(string.Empty, false, span);
            }
        }

        private static SpecSpan ToSpan(Mark start, Mark end)
        {
            // YamlDotNet marks are 1-based for line and column; a default Mark is (1,1).
            int startLine = Math.Max(1, (int)start.Line);
            int startColumn = Math.Max(1, (int)start.Column);
            int endLine = Math.Max(startLine, (int)end.Line);
            int endColumn = endLine == startLine ? Math.Max(startColumn, (int)end.Column) : Math.Max(1, (int)end.Column);
            int startOffset = Math.Max(0, (int)start.Index);
            int endOffset = Math.Max(startOffset, (int)end.Index);
            return new SpecSpan(startLine, startColumn, endLine, endColumn, startOffset, endOffset);
        }

        private static string CleanMessage(YamlException ex)
        {
            // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
            string message = ex.Message;
            int marker = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(", StringComparison.Ordinal) && marker >= 0)
            {
                message = message.Substring(marker + 3);
            }
            return message.Trim();
        }

        private static string DuplicateKeyText(string text, Mark start, Mark end)
        {
            int from = (int)start.Index;
            int to = (int)end.Index;
            if (from >= 0 && to > from && to <= text.Length)
            {
                return text.Substring(from, to - from).Trim().Trim('"', '\'');
            }
            return "?";
        }
    }
}
