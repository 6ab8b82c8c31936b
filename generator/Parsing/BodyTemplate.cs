using System.Collections.Generic;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Splits a body template (JSON text with <c>{name}</c> placeholders) into literal text and placeholders. A
    /// placeholder is a brace, an identifier and a brace with nothing between (<c>{"a": 1}</c> is JSON, <c>{ids}</c> is
    /// a placeholder); inside a JSON string it stands for the string's content, outside for a whole JSON value.
    /// </summary>
    internal static class BodyTemplate
    {
        /// <summary>One part: literal text (<see cref="Placeholder"/> null) or a placeholder.</summary>
        internal readonly struct Part
        {
            public Part(string? literal, string? placeholder, bool inString)
            {
                Literal = literal;
                Placeholder = placeholder;
                InString = inString;
            }

            public string? Literal { get; }
            public string? Placeholder { get; }
            public bool InString { get; }
        }

        public static List<Part> Parse(string template)
        {
            var parts = new List<Part>();
            int literalStart = 0;
            bool inString = false;
            for (int i = 0; i < template.Length; i++)
            {
                char c = template[i];
                if (inString && c == '\\')
                {
                    i++; // an escaped character, even an escaped quote, stays inside the string
                    continue;
                }
                if (c == '"')
                {
                    inString = !inString;
                    continue;
                }
                if (c != '{') continue;
                int end = i + 1;
                while (end < template.Length && (char.IsLetterOrDigit(template[end]) || template[end] == '_')) end++;
                if (end == i + 1 || end >= template.Length || template[end] != '}' || char.IsDigit(template[i + 1])) continue;
                if (i > literalStart) parts.Add(new Part(template.Substring(literalStart, i - literalStart), null, inString));
                parts.Add(new Part(null, template.Substring(i + 1, end - i - 1), inString));
                literalStart = end + 1;
                i = end;
            }
            if (literalStart < template.Length) parts.Add(new Part(template.Substring(literalStart), null, inString));
            return parts;
        }
    }
}
