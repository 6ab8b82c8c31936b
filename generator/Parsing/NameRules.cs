using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CbTyped.Generator.Parsing
{
    /// <summary>C# naming: PascalCase conversion, identifier validity, keywords, and names the model base class uses.</summary>
    internal static class NameRules
    {
        /// <summary>
        /// Members of the runtime's CbObject/CbModel base classes and the members every generated class has; a generated
        /// property with one of these names would hide or clash with it. ReservedMemberNamesTests fails when a base-class
        /// member is missing; keep the generated members in sync with
        /// generator/Emit.
        /// </summary>
        public static readonly HashSet<string> ReservedMemberNames = new HashSet<string>(System.StringComparer.Ordinal)
        {
            // runtime base classes
            "RawJson", "IsDirty", "GetDirtyFields", "IsFieldDirty", "GetUnknownFields", "GetRawValue", "GetFieldText",
            "LoadJson", "WriteTo", "ToUtf8Json", "ClearDirty", "IsNew", "IsFull", "Client", "ModelDescription",
            "GetKeyString", "MissingRequiredFields", "EnsureFullAsync", "TypeDescription", "FieldSlots", "FindField",
            "WriteFieldValue", "HasChangedChild", "FormatField", "OnDocumentLoaded", "FieldCount", "IsLoaded",
            "MarkLoaded", "MarkAssigned", "GetRawToken", "GetRawTokenMemory", "GetRawKind", "HasValue", "GetKeyCore",
            "RequireClient", "HasDocumentValue", "FindFieldAfter", "JsonNames", "MemberPatterns", "GetJsonName",
            "GetRawTokenAt", "GetAssigned", "SetAssigned", "FieldReadError", "ReadFieldChecked",
            // generated members
            "ModelInfo", "ObjectInfo", "CreateInstance", "Fields", "OnLoaded",
            // System.Object
            "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "ReferenceEquals", "Finalize",
        };

        /// <summary>System.Object's members: no generated member, not even of the static Fields class, may take these names.</summary>
        public static readonly HashSet<string> ObjectMemberNames = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "GetType", "ToString", "Equals", "GetHashCode", "MemberwiseClone", "ReferenceEquals", "Finalize",
        };

        /// <summary>The partial hook generated for a property: <c>On{Property}Changed</c>.</summary>
        public static string ChangedHookName(string propertyName) => "On" + propertyName + "Changed";

        /// <summary>The async accessor generated for a to-one join: <c>Get{Join}Async</c>.</summary>
        public static string JoinAccessorName(string joinName) => "Get" + joinName + "Async";

        /// <summary>The namespace-level helper generated beside an enum: <c>{Enum}Json</c>.</summary>
        public static string EnumHelperName(string enumTypeName) => enumTypeName + "Json";

        /// <summary><c>computer_name</c> → <c>ComputerName</c>; <c>md5</c> → <c>Md5</c>; <c>cb.urlver</c> → <c>CbUrlver</c>.</summary>
        public static string ToPascalCase(string name)
        {
            var builder = new StringBuilder(name.Length);
            bool upperNext = true;
            foreach (char c in name)
            {
                if (c == '_' || c == '-' || c == '.' || c == ' ' || c == '/' || c == ':')
                {
                    upperNext = true;
                    continue;
                }
                if (!char.IsLetterOrDigit(c))
                {
                    builder.Append(c);
                    continue;
                }
                builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            return builder.ToString();
        }

        public static bool IsValidIdentifier(string name) =>
            name.Length > 0 && SyntaxFacts.IsValidIdentifier(name) && name.IndexOf('@') < 0;

        /// <summary>True for names such as <c>var</c> or <c>thing</c> (only a–z).</summary>
        public static bool IsLowerCaseAsciiOnly(string name)
        {
            foreach (char c in name)
            {
                if (c < 'a' || c > 'z') return false;
            }
            return name.Length > 0;
        }

        /// <summary>A contextual keyword (<c>var</c>, <c>record</c>, <c>value</c>, ...): a valid identifier, but not as a type name.</summary>
        public static bool IsContextualKeyword(string name) =>
            SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None;

        public static bool IsKeyword(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

        /// <summary>A dotted namespace: every part a valid identifier and not a keyword.</summary>
        public static bool IsValidNamespace(string name)
        {
            if (name.Length == 0) return false;
            foreach (var part in name.Split('.'))
            {
                if (!IsValidIdentifier(part) || IsKeyword(part)) return false;
            }
            return true;
        }

        /// <summary>A <c>global::A.B.C</c> type name.</summary>
        public static bool IsValidGlobalTypeName(string name)
        {
            const string prefix = "global::";
            if (!name.StartsWith(prefix, System.StringComparison.Ordinal)) return false;
            return IsValidNamespace(name.Substring(prefix.Length));
        }
    }
}
