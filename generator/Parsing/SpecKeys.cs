namespace CbTyped.Generator.Parsing
{
    /// <summary>The valid keys at each level of a spec file (kept in one place; docs/spec-format.md and the JSON Schema list the same).</summary>
    internal static class SpecKeys
    {
        public static readonly string[] Root = { "model", "namespace", "doc", "key", "query", "routes", "fields", "searchFields", "types", "joins", "operations", "powershell" };
        public static readonly string[] Key = { "fields", "normalize", "sentOnCreate" };
        public static readonly string[] Query = { "kind", "parameters", "parent", "defaultSort", "pageSize", "sendsLegacy5xMode" };
        public static readonly string[] QueryParent = { "model", "field", "accessor" };
        public static readonly string[] Routes = { "list", "get", "create", "update", "delete", "extra", "createBody", "getFrom" };
        public static readonly string[] RouteVariant = { "route", "minServerVersion", "maxServerVersion" };
        public static readonly string[] Field = { "type", "name", "doc", "nullable", "readOnly", "requiredOnCreate", "search", "sortable", "facet", "values", "enumName", "format", "powershell" };
        public static readonly string[] SearchField = { "type", "name", "doc", "sortable", "facet" };
        public static readonly string[] NestedType = { "doc", "fields" };
        public static readonly string[] Join = { "kind", "model", "via", "query", "when", "name", "doc" };
        public static readonly string[] JoinWhen = { "field", "contains" };
        public static readonly string[] Operation = { "name", "doc", "access", "scope", "route", "minServerVersion", "maxServerVersion", "parameters", "body", "response" };
        public static readonly string[] OperationParameter = { "type", "in", "name", "optional", "default", "doc" };
        public static readonly string[] OperationBody = { "kind", "fields", "set", "template", "fileName" };

        public static readonly string[] PowerShellModel = { "noun", "cmdlets", "nameFilter" };
        public static readonly string[] PowerShellField = { "parameter", "aliases", "position", "pattern", "secure" };

        public static readonly string[] QueryKinds = { "search", "serverList", "clientList", "childList", "singleton" };
        public static readonly string[] Normalizations = { "none", "upper", "lower" };
        public static readonly string[] JoinKinds = { "toOne", "toMany" };
        public static readonly string[] DateFormats = { "iso", "postgres", "local", "epoch" };
        public static readonly string[] HttpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE" };
        public static readonly string[] SearchFieldTypes = { "string", "number", "date", "bool", "ip" };
        public static readonly string[] OperationScopes = { "instance", "collection" };
        public static readonly string[] Accessibilities = { "public", "internal" };
        public static readonly string[] ParameterLocations = { "path", "query", "body" };
        public static readonly string[] ParameterTypes = { "string", "int", "long", "double", "bool", "segments", "list<string>", "list<int>", "json", "members", "stream" };
        public static readonly string[] BodyKinds = { "none", "null", "changes", "model", "create", "array", "fields", "parameters", "template", "multipart" };
        public static readonly string[] ResponseKinds = { "none", "refresh", "load", "stream", "string", "int", "long", "double", "bool", "Model", "list<Model>", "map<Model>" };
        public static readonly string[] CreateBodies = { "object", "array" };
        public static readonly string[] GetSources = { "route", "list" };
        public static readonly string[] ScalarTypes = { "string", "int", "long", "double", "bool", "datetime", "enum", "guid", "json" };
    }
}
