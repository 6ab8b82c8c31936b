using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CbTyped.Generator.Diagnostics
{
    /// <summary>
    /// Every CBT diagnostic. Each message says what is wrong and how to fix it. Ids are stable: add new ones at the end
    /// and record them in AnalyzerReleases.Unshipped.md.
    /// </summary>
    public static class DiagnosticDescriptors
    {
        private const string Category = "CbTyped.Spec";
        private const string HelpLink = HelpLinks.SpecDiagnostics;

        public static readonly DiagnosticDescriptor InvalidSyntax = Error("CBT0001", "Spec file is not valid YAML or JSON",
            "Spec file is not valid YAML or JSON: {0}. Fix the syntax at this position (check indentation, quotes and brackets).");

        public static readonly DiagnosticDescriptor DuplicateKey = Error("CBT0002", "Key written twice",
            "'{0}' is written twice in the same mapping. Remove or rename one of them (field, type, join and route names must be unique).");

        public static readonly DiagnosticDescriptor UnknownKey = Error("CBT0003", "Unknown spec key",
            "Unknown key '{0}' in {1}. {2}");

        public static readonly DiagnosticDescriptor MissingKey = Error("CBT0004", "Required spec key missing",
            "{0} needs '{1}'. {2}");

        public static readonly DiagnosticDescriptor WrongShape = Error("CBT0005", "Spec value has the wrong shape",
            "'{0}' must be {1}, but is {2}. {3}");

        public static readonly DiagnosticDescriptor InvalidValue = Error("CBT0006", "Invalid spec value",
            "'{0}' is not a valid value for '{1}'. {2}");

        public static readonly DiagnosticDescriptor UnknownType = Error("CBT0007", "Unknown field type",
            "Unknown type '{0}' for field '{1}'. Use string, int, long, double, bool, datetime, enum, guid, json, list<T>, map<string,T>, clr:Full.Type.Name or a type declared under 'types:'{2}.");

        public static readonly DiagnosticDescriptor InvalidIdentifier = Error("CBT0008", "Not a valid C# name",
            "'{0}' ({1}) is not a valid C# identifier. {2}");

        public static readonly DiagnosticDescriptor KeywordName = Error("CBT0009", "Name is a C# keyword",
            "'{0}' ({1}) is a C# keyword. Choose another name, e.g. '{2}'.");

        public static readonly DiagnosticDescriptor NameClash = Error("CBT0010", "Generated names clash",
            "C# name '{0}' of {1} clashes with {2}. Give one of them another C# name with 'name:'.");

        public static readonly DiagnosticDescriptor DuplicateModel = Error("CBT0011", "Model declared twice",
            "Model '{0}' is also declared in '{1}'. Each model name may appear in one spec file per namespace; rename or delete one.");

        public static readonly DiagnosticDescriptor KeyNotAField = Error("CBT0012", "Key is not a field",
            "Key field '{0}' is not declared under 'fields:'. Add the field or fix the key's name{1}.");

        public static readonly DiagnosticDescriptor RouteUnknownField = Error("CBT0013", "Route names an unknown field",
            "Route '{0}' uses '{{{1}}}', which is not a field of this model{2}. Use a JSON field name declared under 'fields:'{3}.");

        public static readonly DiagnosticDescriptor JoinUnknownModel = Error("CBT0014", "Join to an unknown model",
            "'{0}' refers to model '{1}', which no spec file in this project declares{2}. Add its spec file, fix the name, or name a model from another assembly with its full C# name ('global::Namespace.Type').");

        public static readonly DiagnosticDescriptor JoinUnknownField = Error("CBT0015", "Join names an unknown field",
            "Join '{0}' uses field '{1}', which is not a field of {2}{3}. {4}");

        public static readonly DiagnosticDescriptor InvalidRoute = Error("CBT0016", "Invalid route",
            "Route '{0}' ('{1}') is not valid: {2}. Write it as 'METHOD /path/{{field}}', e.g. 'GET /api/v1/sensor/{{id}}'.");

        public static readonly DiagnosticDescriptor EmptySpec = Error("CBT0017", "Spec file is empty",
            "The spec file is empty. Write at least 'model: Name' and 'fields:'; see " + HelpLinks.SpecFormat + ".");

        public static readonly DiagnosticDescriptor QueryRouteMissing = Error("CBT0018", "Query kind needs a route",
            "Query kind '{0}' needs the '{1}' route. Add 'routes: {{ {1}: GET /api/... }}' or change 'query.kind'.");

        public static readonly DiagnosticDescriptor DuplicateSearchField = Error("CBT0019", "Search field already declared by a field",
            "Search field '{0}' is already the query name of field '{1}' (Fields.{2}). Remove it from 'searchFields:': a document field's query field is generated from 'fields:'.");

        public static readonly DiagnosticDescriptor OperationUnknownPlaceholder = Error("CBT0020", "Operation route names an unknown placeholder",
            "Operation '{0}' uses '{{{1}}}' in its route, which is {2}{3}. Declare it under the operation's 'parameters:' (in: path), or use a JSON field name of this model in an instance operation.");

        public static readonly DiagnosticDescriptor OperationUnknownBodyField = Error("CBT0021", "Operation body names an unknown field",
            "Operation '{0}' sends field '{1}' in its body, which is not a field of this model{2}. Use a JSON name declared under 'fields:'.");

        public static readonly DiagnosticDescriptor OperationUnknownResponseModel = Error("CBT0022", "Operation response names an unknown model",
            "Operation '{0}' answers model '{1}', which no spec file in this project declares{2}. Add its spec file, fix the name, or name a model from another assembly with its full C# name ('global::Namespace.Type').");

        public static readonly DiagnosticDescriptor VersionRangeInverted = Error("CBT0023", "Server-version range is inverted",
            "'{0}': minServerVersion \"{1}\" is above maxServerVersion \"{2}\", so it never applies. Swap the bounds, or fix the one that is wrong.");

        public static readonly DiagnosticDescriptor OperationInvalid = Error("CBT0024", "Operation is not valid",
            "Operation '{0}' is not valid: {1}. {2}");

        public static readonly DiagnosticDescriptor ParameterTypeMisplaced = Error("CBT0025", "Parameter type does not fit where it is sent",
            "Parameter '{0}' of operation '{1}' is of type {2}, which {3}. {4}");

        public static readonly DiagnosticDescriptor MultipartBodyInvalid = Error("CBT0026", "Multipart body is not valid",
            "The multipart body of operation '{0}' is not valid: {1}. {2}");

        public static readonly DiagnosticDescriptor JsonFieldNotQueryable = Error("CBT0027", "A json field cannot be queried",
            "Field '{0}' is of type json (any JSON value), so it cannot be {1}: a query field needs one type to build and escape its text. Remove '{2}' from the field; to query the member, declare it under 'searchFields:' with its query type (string, number, date, bool or ip).");

        public static readonly DiagnosticDescriptor AliasNotSupported = Error("CBT0030", "YAML alias in a spec",
            "YAML aliases are not supported in spec files (alias '*{0}'). Write the value out in full where the alias stands; a spec is read as plain mappings, lists and values.");

        public static readonly DiagnosticDescriptor NestingTooDeep = Error("CBT0031", "Spec nested too deeply",
            "Mappings and lists nest deeper than {0} levels here. A spec needs at most a few levels (fields → field → values); check for unclosed or repeated '[' and '{{'.");

        // A warning, not an error: a type that another source generator adds is invisible to this check.
        public static readonly DiagnosticDescriptor ClrTypeNotFound = Warning("CBT0032", "clr: type not found",
            "Type '{0}' of field '{1}' is not declared in this project or any assembly it references. Write the type's full name after 'clr:' (namespace and type, a nested type as Outer.Inner), or add a reference to the assembly that declares it. If another source generator adds the type, suppress CBT0032 with <NoWarn>.");

        public static readonly DiagnosticDescriptor InternalError = Error("CBT9999", "Generator failed on a spec",
            "The CbTyped generator failed while processing this spec ({0}: {1}). This is a bug in CbTyped; please report it with the spec file.");

        public static IReadOnlyDictionary<string, DiagnosticDescriptor> ById { get; } = BuildIndex();

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink);

        private static DiagnosticDescriptor Warning(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink);

        private static Dictionary<string, DiagnosticDescriptor> BuildIndex()
        {
            var all = new[]
            {
                InvalidSyntax, DuplicateKey, UnknownKey, MissingKey, WrongShape, InvalidValue, UnknownType,
                InvalidIdentifier, KeywordName, NameClash, DuplicateModel, KeyNotAField, RouteUnknownField,
                JoinUnknownModel, JoinUnknownField, InvalidRoute, EmptySpec, QueryRouteMissing, DuplicateSearchField,
                OperationUnknownPlaceholder, OperationUnknownBodyField, OperationUnknownResponseModel, VersionRangeInverted,
                OperationInvalid, ParameterTypeMisplaced, MultipartBodyInvalid, JsonFieldNotQueryable, AliasNotSupported, NestingTooDeep, ClrTypeNotFound, InternalError,
            };
            var index = new Dictionary<string, DiagnosticDescriptor>(System.StringComparer.Ordinal);
            foreach (var d in all) index.Add(d.Id, d);
            return index;
        }
    }
}
