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

        /// <summary>Text escaped for an XML doc comment.</summary>
        public static string Xml(string text) =>
            text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        /// <summary>Writes <c>/// &lt;summary&gt;</c> lines (one per line of <paramref name="text"/>).</summary>
        public static void Summary(CodeWriter writer, string text)
        {
            writer.Line("/// <summary>");
            foreach (var line in text.Replace("\r\n", "\n").Trim().Split('\n'))
            {
                writer.Line("/// " + line.Trim());
            }
            writer.Line("/// </summary>");
        }

        /// <summary>Writes <c>/// &lt;remarks&gt;</c> lines; <paramref name="xml"/> is already XML.</summary>
        public static void Remarks(CodeWriter writer, string xml)
        {
            writer.Line("/// <remarks>" + xml + "</remarks>");
        }

        /// <summary><c>ComputerName</c> → <c>__ComputerName</c> (backing field).</summary>
        public static string BackingField(string propertyName) => "__" + propertyName;

        public static string Int(int value) =>
            (uint)value < (uint)SmallInts.Length ? SmallInts[value] : value.ToString(CultureInfo.InvariantCulture);

        // Slot indexes, case labels and counts: formatted once instead of once per use.
        private static readonly string[] SmallInts = Enumerable.Range(0, 512).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }
}
