using System.Globalization;
using System.Linq;
using System.Text;

namespace CbTyped.Generator.Emit
{
    /// <summary>Small helpers for writing C# source text: literals, XML doc text, identifiers.</summary>
    internal static class CSharp
    {
        /// <summary>A C# string literal (regular, escaped), e.g. <c>"c:\\windows"</c>.</summary>
        public static string Literal(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var text = new StringBuilder(value.Length + 2);
            text.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': text.Append("\\\""); break;
                    case '\\': text.Append("\\\\"); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    case '\0': text.Append("\\0"); break;
                    default:
                        if (c < 0x20 || c > 0x7E)
                        {
                            text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            text.Append(c);
                        }
                        break;
                }
            }
            return text.Append('"').ToString();
        }

        /// <summary>A UTF-8 string literal, e.g. <c>"computer_name"u8</c>.</summary>
        public static string Utf8Literal(string value) => Literal(value) + "u8";

        /// <summary>
        /// Text escaped for an XML doc comment: <c>&amp; &lt; &gt;</c> escaped, every line break C# knows (CR, LF, CRLF,
        /// U+0085, U+2028, U+2029) made a plain LF, and characters XML forbids (other control characters, lone
        /// surrogates, U+FFFE/U+FFFF) replaced, so spec text can never end a <c>///</c> line early or break the XML.
        /// </summary>
        public static string Xml(string text)
        {
            StringBuilder? builder = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                string? replacement = c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '\r' => i + 1 < text.Length && text[i + 1] == '\n' ? string.Empty : "\n",
                    '\u0085' or '\u2028' or '\u2029' => "\n",
                    '\n' or '\t' => null,
                    '\uFFFE' or '\uFFFF' => "\uFFFD",
                    _ when c < 0x20 || (c >= 0x7F && c <= 0x9F) => " ",
                    _ when char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) => null,
                    _ when char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]) => null,
                    _ when char.IsSurrogate(c) => "\uFFFD",
                    _ => null,
                };
                if (replacement is null)
                {
                    builder?.Append(c);
                    continue;
                }
                builder ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
                builder.Append(replacement);
            }
            return builder?.ToString() ?? text;
        }

        /// <summary><see cref="Xml"/> on one line (line breaks become spaces), for text inside a one-line doc comment.</summary>
        public static string XmlInline(string text) => Xml(text).Replace('\n', ' ');

        /// <summary>Writes <c>/// &lt;summary&gt;</c> lines (one per line of <paramref name="text"/>, already XML).</summary>
        public static void Summary(CodeWriter writer, string text)
        {
            writer.Line("/// <summary>");
            foreach (var line in NormalizeLineBreaks(text).Trim().Split('\n'))
            {
                writer.Line("/// " + line.Trim());
            }
            writer.Line("/// </summary>");
        }

        /// <summary>Writes <c>/// &lt;remarks&gt;</c> on one line; <paramref name="xml"/> is already XML.</summary>
        public static void Remarks(CodeWriter writer, string xml)
        {
            writer.Line("/// <remarks>" + NormalizeLineBreaks(xml).Replace('\n', ' ') + "</remarks>");
        }

        private static string NormalizeLineBreaks(string text) =>
            text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u0085', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n');

        /// <summary><c>ComputerName</c> → <c>__ComputerName</c> (backing field).</summary>
        public static string BackingField(string propertyName) => "__" + propertyName;

        public static string Int(int value) =>
            (uint)value < (uint)SmallInts.Length ? SmallInts[value] : value.ToString(CultureInfo.InvariantCulture);

        // Slot indexes, case labels and counts: formatted once instead of once per use.
        private static readonly string[] SmallInts = Enumerable.Range(0, 512).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }
}
