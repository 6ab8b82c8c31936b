namespace CbTyped.Generator.Parsing
{
    /// <summary>The valid keys at each level of a spec file (kept in one place; docs/spec-format.md and the JSON Schema list the same).</summary>
    internal static class SpecKeys
    {
        public static readonly string[] Root = { "model", "namespace", "doc", "key", "query", "routes", "fields", "searchFields", "types", "joins" };
        public static readonly string[] Key = { "fields", "normalize", "sentOnCreate" };
        public static readonly string[] Query = { "kind", "parameters", "parent", "defaultSort", "pageSize" };
        public static readonly string[] QueryParent = { "model", "field" };
        public static readonly string[] Routes = { "list", "get", "create", "update", "delete", "extra" };
        public static readonly string[] RouteVariant = { "route", "minServerVersion", "maxServerVersion" };
        public static readonly string[] Field = { "type", "name", "doc", "nullable", "readOnly", "requiredOnCreate", "search", "sortable", "facet", "values", "enumName", "format" };
        public static readonly string[] SearchField = { "type", "name", "doc", "sortable", "facet" };
        public static readonly string[] NestedType = { "doc", "fields" };
        public static readonly string[] Join = { "kind", "model", "via", "query", "name", "doc" };

        public static readonly string[] QueryKinds = { "search", "serverList", "clientList", "childList", "singleton" };
        public static readonly string[] Normalizations = { "none", "upper", "lower" };
        public static readonly string[] JoinKinds = { "toOne", "toMany" };
        public static readonly string[] DateFormats = { "iso", "postgres", "local", "epoch" };
        public static readonly string[] HttpMethods = { "GET", "POST", "PUT", "PATCH", "DELETE" };
        public static readonly string[] SearchFieldTypes = { "string", "number", "date", "bool", "ip" };
        public static readonly string[] ScalarTypes = { "string", "int", "long", "double", "bool", "datetime", "enum", "guid" };
    }
}
