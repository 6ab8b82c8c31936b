using System;
using System.Collections.Generic;
using System.IO;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Reads YAML and JSON specs (a JSON document is a YAML flow document) from YamlDotNet's event stream, building
    /// <see cref="SpecNode"/>s with an explicit stack. Scalars stay text: no YAML 1.1 yes/no booleans, no number guessing.
    /// </summary>
    /// <remarks>
    /// Not YamlDotNet's representation model, on purpose: that model expands aliases (a 2 KB file of nested aliases
    /// becomes 10^10 nodes), recurses once per nesting level (100,000 brackets overflow the compiler's stack) and stops
    /// at the first duplicate key. Here an alias is refused where it is written, nesting stops at
    /// <see cref="MaxDepth"/> before anything recurses, and a duplicate key is reported while reading goes on.
    /// </remarks>
    internal sealed class YamlSpecReader : ISpecReader
    {
        /// <summary>The deepest nesting of mappings and lists a spec may have (real specs use 6).</summary>
        public const int MaxDepth = 32;

        public static readonly YamlSpecReader Instance = new YamlSpecReader();

        public SpecDocument Read(string text)
        {
            var problems = new List<SpecProblem>();
            var frames = new Stack<Frame>();
            var parser = new Parser(new StringReader(text));
            SpecNode? root = null;
            Mark? lastEnd = null;
            int documents = 0;
            while (true)
            {
                ParsingEvent current;
                try
                {
                    if (!parser.MoveNext()) break;
                    current = parser.Current!;
                }
                catch (YamlException ex)
                {
                    problems.Add(SyntaxError(text, ex, frames));
                    return new SpecDocument(null, problems);
                }
                catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
                {
                    // YamlDotNet's scanner fails this way on some malformed input; it is still the input's fault.
                    var at = lastEnd is Mark mark ? ToSpan(mark, mark) : SpecSpan.FileStart;
                    problems.Add(new SpecProblem(DiagnosticDescriptors.InvalidSyntax, at, "the YAML reader cannot go on after this point (" + ex.Message.TrimEnd('.') + ")"));
                    return new SpecDocument(null, problems);
                }
                lastEnd = current.End;

                switch (current)
                {
                    case DocumentStart start when ++documents > 1:
                        problems.Add(new SpecProblem(DiagnosticDescriptors.InvalidSyntax, ToSpan(start.Start, start.End),
                            "a spec file holds one document; found more than one ('---')"));
                        return new SpecDocument(null, problems);
                    case AnchorAlias alias:
                        problems.Add(new SpecProblem(DiagnosticDescriptors.AliasNotSupported, ToSpan(alias.Start, alias.End), alias.Value.ToString()));
                        return new SpecDocument(null, problems);
                    case Scalar scalar:
                        bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
                        var node = new SpecScalar(scalar.Value ?? string.Empty, quoted, ToSpan(scalar.Start, scalar.End));
                        root = Add(frames, node, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted, problems) ?? root;
                        break;
                    case MappingStart mappingStart:
                        if (frames.Count >= MaxDepth) return TooDeep(mappingStart, problems);
                        frames.Push(new Frame(true, mappingStart.Start, mappingStart.Style == MappingStyle.Flow, '{'));
                        break;
                    case SequenceStart sequenceStart:
                        if (frames.Count >= MaxDepth) return TooDeep(sequenceStart, problems);
                        frames.Push(new Frame(false, sequenceStart.Start, sequenceStart.Style == SequenceStyle.Flow, '['));
                        break;
                    case MappingEnd:
                    case SequenceEnd:
                        var frame = frames.Pop();
                        var span = ToSpan(frame.Start, current.End);
                        SpecNode built = frame.IsMapping ? new SpecMapping(frame.Entries!, span) : new SpecSequence(frame.Items!, span);
                        root = Add(frames, built, false, problems) ?? root;
                        break;
                }
            }
            return new SpecDocument(root, problems);
        }

        /// <summary>Adds a finished node to the open collection; returns it when it is the document's root.</summary>
        private static SpecNode? Add(Stack<Frame> frames, SpecNode node, bool keyQuoted, List<SpecProblem> problems)
        {
            if (frames.Count == 0) return node;
            var frame = frames.Peek();
            if (!frame.IsMapping)
            {
                frame.Items!.Add(node);
                return null;
            }
            if (frame.PendingKey is null)
            {
                // A complex (non-scalar) key is never valid in a spec; keep it as text so it is reported as unknown.
                frame.PendingKey = node is SpecScalar scalar
                    ? new SpecScalar(scalar.Value, keyQuoted, scalar.Span)
                    : new SpecScalar("(" + node.ShapeName + " used as a key)", true, node.Span);
                return null;
            }
            var key = frame.PendingKey;
            frame.PendingKey = null;
            if (!frame.Keys!.Add(key.Value))
            {
                // The first entry wins; the later one is reported and dropped, and reading goes on.
                problems.Add(new SpecProblem(DiagnosticDescriptors.DuplicateKey, key.Span, key.Value));
                return null;
            }
            frame.Entries!.Add(new KeyValuePair<SpecScalar, SpecNode>(key, node));
            return null;
        }

        private static SpecDocument TooDeep(ParsingEvent start, List<SpecProblem> problems)
        {
            problems.Add(new SpecProblem(DiagnosticDescriptors.NestingTooDeep, ToSpan(start.Start, start.End), MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return new SpecDocument(null, problems);
        }

        private static SpecProblem SyntaxError(string text, YamlException ex, Stack<Frame> frames)
        {
            string message = CleanMessage(ex);
            var span = ToSpan(ex.Start, ex.End);

            // A file that ends inside '{' or '[' (truncated, or a bracket never closed): the end of the text is no help,
            // the bracket that is still open is.
            if (IsAtEnd(text, (int)ex.Start.Index))
            {
                foreach (var frame in frames)
                {
                    if (!frame.IsFlow) continue;
                    return new SpecProblem(DiagnosticDescriptors.InvalidSyntax, ToSpan(frame.Start, frame.Start),
                        "this '" + frame.Opener + "' is never closed: the file ends first (" + message.TrimEnd('.') + ")");
                }
            }

            // YamlDotNet reports a tab used as indentation at the start of the file, or at the end of the line before
            // it; point at the tab itself.
            if (message.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FirstIndentTab(text, (int)ex.Start.Index) is SpecSpan tab)
            {
                return new SpecProblem(DiagnosticDescriptors.InvalidSyntax, tab, message.TrimEnd('.') + "; indent with spaces, not tabs");
            }
            return new SpecProblem(DiagnosticDescriptors.InvalidSyntax, span, message.TrimEnd('.'));
        }

        /// <summary>True when only whitespace follows <paramref name="index"/>.</summary>
        private static bool IsAtEnd(string text, int index)
        {
            for (int i = Math.Max(0, index); i < text.Length; i++)
            {
                if (!char.IsWhiteSpace(text[i])) return false;
            }
            return true;
        }

        /// <summary>The first tab in a line's leading whitespace, on the line of <paramref name="near"/> or after it.</summary>
        private static SpecSpan? FirstIndentTab(string text, int near)
        {
            int line = 1, column = 1;
            bool leading = true;
            int from = near <= 0 || near > text.Length ? 0 : text.LastIndexOf('\n', near - 1) + 1;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    line++;
                    column = 1;
                    leading = true;
                    continue;
                }
                if (leading && c == '\t' && i >= from) return new SpecSpan(line, column, line, column + 1, i, i + 1);
                if (c != ' ') leading = false;
                column++;
            }
            return null;
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

        /// <summary>A mapping or list still being read.</summary>
        private sealed class Frame
        {
            public Frame(bool isMapping, Mark start, bool isFlow, char opener)
            {
                IsMapping = isMapping;
                Start = start;
                IsFlow = isFlow;
                Opener = opener;
                if (isMapping)
                {
                    Entries = new List<KeyValuePair<SpecScalar, SpecNode>>();
                    Keys = new HashSet<string>(StringComparer.Ordinal);
                }
                else
                {
                    Items = new List<SpecNode>();
                }
            }

            public bool IsMapping { get; }
            public Mark Start { get; }
            public bool IsFlow { get; }
            public char Opener { get; }
            public List<KeyValuePair<SpecScalar, SpecNode>>? Entries { get; }
            public HashSet<string>? Keys { get; }
            public List<SpecNode>? Items { get; }
            public SpecScalar? PendingKey { get; set; }
        }
    }
}
