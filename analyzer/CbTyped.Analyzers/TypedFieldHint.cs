using System;
using System.Globalization;
using CbTyped.QueryLanguage;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CbTyped.Analyzers
{
    /// <summary>
    /// Whether a raw query is one simple clause that a typed field writes identically — <c>process_name:net.exe</c>
    /// is exactly what <c>Process.Fields.ProcessName.Is("net.exe")</c> sends — and if so the typed expression, for
    /// the CBT0108 code fix. Only text values that need no escaping and plain integers of number fields qualify, so
    /// the rewrite never changes what is sent.
    /// </summary>
    internal static class TypedFieldHint
    {
        // CbQueryEscaper.Term escapes these (and a leading - + !); a value holding one is not rewritten.
        private const string EscapedCharacters = "\\()\":[]{}*?";

        /// <summary>The typed expression for <paramref name="query"/> after the model's name
        /// (<c>Fields.ProcessName.Is("net.exe")</c>), or null.</summary>
        public static string? For(string query, SearchSchema schema, ITypeSymbol model)
        {
            int colon = query.IndexOf(':');
            if (colon <= 0 || colon == query.Length - 1)
            {
                return null;
            }

            string field = query.Substring(0, colon);
            string value = query.Substring(colon + 1);
            string? property = schema.PropertyOf(field);
            if (property is null || !schema.TryGetKind(field, out SearchKind kind) || !IsPlainValue(value))
            {
                return null;
            }

            string argument;
            string fieldType;
            if (kind == SearchKind.Text)
            {
                argument = SymbolDisplay.FormatLiteral(value, quote: true);
                fieldType = "CbStringSearchField";
            }
            else if (kind == SearchKind.Number && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long number)
                     && number.ToString(CultureInfo.InvariantCulture) == value)
            {
                argument = value;
                fieldType = "CbNumberSearchField";
            }
            else
            {
                return null;
            }

            if (!HasField(model, property, fieldType))
            {
                return null;
            }

            return "Fields." + property + ".Is(" + argument + ")";
        }

        private static bool IsPlainValue(string value)
        {
            // A leading - + ! would be escaped (or read as an operator): not a plain value.
            if (value[0] == '-' || value[0] == '+' || value[0] == '!')
            {
                return false;
            }

            if (value is "AND" or "OR" or "NOT" or "&&" or "||" or "TO")
            {
                return false;
            }

            foreach (char c in value)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c) || EscapedCharacters.IndexOf(c) >= 0)
                {
                    return false;
                }
            }

            return true;
        }

        // The model's generated Fields class has the property, of the field type the rewrite calls Is on.
        private static bool HasField(ITypeSymbol model, string property, string fieldType)
        {
            foreach (INamedTypeSymbol fields in model.GetTypeMembers("Fields"))
            {
                foreach (ISymbol member in fields.GetMembers(property))
                {
                    if (member is IPropertySymbol { IsStatic: true } p && p.Type.Name == fieldType
                        && p.Type.ContainingNamespace?.ToDisplayString() == "CbTyped.Modeling")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
