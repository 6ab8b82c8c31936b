using System;
using System.Collections.Generic;
using System.IO;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>Turns one spec file's text into a <see cref="ParseResult"/>: a <see cref="ModelSpec"/> and/or diagnostics.</summary>
    internal static class SpecParser
    {
        public static ParseResult Parse(string filePath, string text, GeneratorOptions options) =>
            Parse(filePath, text, options, YamlSpecReader.Instance);

        public static ParseResult Parse(string filePath, string text, GeneratorOptions options, ISpecReader reader)
        {
            var context = new ParseContext(filePath);
            ModelSpec? model = null;
            string? declaredName = null;
            var document = reader.Read(text);
            foreach (var problem in document.Problems) context.Report(problem.Descriptor, problem.Span, problem.Args);
            if (document.Root is null)
            {
                // With problems, reading stopped at a syntax error, an alias or too deep a nesting: nothing more to check.
                if (document.Problems.Count == 0) context.Report(DiagnosticDescriptors.EmptySpec, SpecSpan.FileStart);
            }
            else if (document.Root is SpecScalar empty && empty.IsNull)
            {
                context.Report(DiagnosticDescriptors.EmptySpec, SpecSpan.FileStart);
            }
            else if (document.Root is not SpecMapping root)
            {
                context.Report(DiagnosticDescriptors.WrongShape, document.Root.Span, "the spec file", "a mapping (model:, fields:, ...)", document.Root.ShapeName, "Start the file with 'model: Name'.");
            }
            else
            {
                declaredName = (root.Get("model") as SpecScalar)?.Value;
                model = ParseModel(filePath, root, options, context);
            }

            // A model with errors is not emitted: its diagnostics explain why, and emitting half a model only adds noise.
            return new ParseResult(
                filePath,
                declaredName,
                context.HasErrors ? null : model,
                new EquatableArray<DiagnosticInfo>(ToArray(context.Diagnostics)));
        }

        private static ModelSpec? ParseModel(string filePath, SpecMapping root, GeneratorOptions options, ParseContext context)
        {
            context.CheckKeys(root, SpecKeys.Root, "the spec file");

            var modelNode = root.Get("model");
            string? name = context.AsString(modelNode, "model");
            if (name is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, root.GetKey("model")?.Span ?? FirstKeySpan(root), "The spec file", "model", "Add 'model: Name' (the C# class name).");
                return null;
            }
            context.CheckTypeName(name, modelNode!.Span, "model name", "Write the C# class name, e.g. model: Sensor.");

            string ns = options.EffectiveDefaultNamespace;
            if (root.Get("namespace") is { } nsNode)
            {
                string? nsText = context.AsString(nsNode, "namespace");
                if (nsText is not null)
                {
                    if (NameRules.IsValidNamespace(nsText)) ns = nsText;
                    else context.Report(DiagnosticDescriptors.InvalidIdentifier, nsNode.Span, nsText, "namespace", "Write a dotted C# namespace, e.g. CbTyped.Response.");
                }
            }
            string? doc = context.AsString(root.Get("doc"), "doc");

            var query = ParseQuery(context.AsMapping(root.Get("query"), "query", "{ kind: search }"), context);
            bool searchByDefault = query.Kind == QueryKind.Search;

            // Nested type names first: field types may refer to them.
            var typesMapping = context.AsMapping(root.Get("types"), "types", "{ NetworkInterface: { fields: { ipaddr: string } } }");
            var nestedNames = new HashSet<string>(StringComparer.Ordinal);
            if (typesMapping is not null)
            {
                foreach (var entry in typesMapping.Entries)
                {
                    if (context.CheckTypeName(entry.Key.Value, entry.Key.Span, "nested type name", "Write a C# type name, e.g. NetworkInterface."))
                        nestedNames.Add(entry.Key.Value);
                }
            }

            var fieldsNode = root.Get("fields");
            var fieldsMapping = context.AsMapping(fieldsNode, "fields", "{ id: { type: int } }");
            if (fieldsNode is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, FirstKeySpan(root), "Model '" + name + "'", "fields", "Add 'fields:' with at least one field, e.g. fields: { id: { type: int } }.");
            }
            var fields = FieldParser.ParseFields(fieldsMapping, "fields", name, searchByDefault, nestedNames, context);
            var fieldNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields) fieldNames.Add(field.JsonName);

            var types = new List<NestedTypeSpec>();
            if (typesMapping is not null)
            {
                foreach (var entry in typesMapping.Entries)
                {
                    if (!nestedNames.Contains(entry.Key.Value)) continue;
                    types.Add(ParseNestedType(entry.Key, entry.Value, nestedNames, context));
                }
            }

            var key = ParseKey(context.AsMapping(root.Get("key"), "key", "{ fields: [id] }"), fields, fieldNames, context);
            CheckParentField(root, query, fieldNames, context);
            var routes = ParseRoutes(context.AsMapping(root.Get("routes"), "routes", "{ get: GET /api/v1/x/{id} }"), fieldNames, query, context);
            var joins = JoinParser.Parse(context.AsMapping(root.Get("joins"), "joins", "{ group: { kind: toOne, model: SensorGroup, via: group_id } }"), fields, context);
            var searchFields = SearchFieldParser.Parse(
                context.AsMapping(root.Get("searchFields"), "searchFields", "{ filemod: { type: string, doc: A file the process modified. } }"), fields, context);
            CheckQueryRoutes(query, routes, root, context);
            CheckGetFromList(query, routes, key, root, context);
            var operations = OperationParser.Parse(root.Get("operations"), name, ns, fields, routes, context);
            NameClashChecker.Check(name, root, fields, types, joins, context, operations);
            var powerShell = PowerShellParser.ParseModel(root, fields, root.Get("operations") as SpecMapping, context);

            return new ModelSpec(
                name,
                ns,
                doc,
                key,
                query,
                routes,
                new EquatableArray<FieldSpec>(fields.ToArray()),
                new EquatableArray<NestedTypeSpec>(types.ToArray()),
                new EquatableArray<JoinSpec>(joins.ToArray()),
                new EquatableArray<SearchFieldSpec>(searchFields.ToArray()),
                Path.GetFileName(filePath),
                filePath,
                new EquatableArray<OperationSpec>(operations.ToArray()),
                powerShell);
        }

        private static NestedTypeSpec ParseNestedType(SpecScalar key, SpecNode node, HashSet<string> nestedNames, ParseContext context)
        {
            string path = "types." + key.Value;
            var mapping = context.AsMapping(node, path, "{ doc: ..., fields: { name: string } }");
            if (mapping is null) return new NestedTypeSpec(key.Value, null, EquatableArray<FieldSpec>.Empty);
            context.CheckKeys(mapping, SpecKeys.NestedType, "type '" + key.Value + "'");
            var fieldsMapping = context.AsMapping(mapping.Get("fields"), path + ".fields", "{ name: string }");
            if (mapping.Get("fields") is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "Type '" + key.Value + "'", "fields", "Add 'fields:' with at least one field.");
            }
            var fields = FieldParser.ParseFields(fieldsMapping, path + ".fields", key.Value, false, nestedNames, context);
            NameClashChecker.CheckMembers(key.Value, fields, fieldsMapping, context);
            return new NestedTypeSpec(key.Value, context.AsString(mapping.Get("doc"), path + ".doc"), new EquatableArray<FieldSpec>(fields.ToArray()));
        }

        private static QuerySpec ParseQuery(SpecMapping? mapping, ParseContext context)
        {
            if (mapping is null) return new QuerySpec(QueryKind.ClientList, EquatableArray<string>.Empty, null, null, null);
            context.CheckKeys(mapping, SpecKeys.Query, "query");
            string? kindText = context.AsChoice(mapping.Get("kind"), "query.kind", SpecKeys.QueryKinds);
            if (mapping.Get("kind") is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "'query'", "kind", "Use one of: " + string.Join(", ", SpecKeys.QueryKinds) + ".");
            }
            var kind = kindText switch
            {
                "search" => QueryKind.Search,
                "serverList" => QueryKind.ServerList,
                "childList" => QueryKind.ChildList,
                "singleton" => QueryKind.Singleton,
                _ => QueryKind.ClientList,
            };

            var parameters = new List<string>();
            foreach (var p in context.AsStringList(mapping.Get("parameters"), "query.parameters")) parameters.Add(p.Key);

            QueryParentSpec? parent = null;
            var parentMapping = context.AsMapping(mapping.Get("parent"), "query.parent", "{ model: Watchlist, field: watchlist_id }");
            if (parentMapping is not null)
            {
                context.CheckKeys(parentMapping, SpecKeys.QueryParent, "query.parent");
                string? parentModel = context.AsString(parentMapping.Get("model"), "query.parent.model");
                string? parentField = context.AsString(parentMapping.Get("field"), "query.parent.field");
                if (parentModel is null) context.Report(DiagnosticDescriptors.MissingKey, parentMapping.Span, "'query.parent'", "model", "Name the parent model, e.g. model: Watchlist.");
                if (parentField is null) context.Report(DiagnosticDescriptors.MissingKey, parentMapping.Span, "'query.parent'", "field", "Name this model's field that holds the parent's key, e.g. field: watchlist_id.");
                string? accessor = context.AsString(parentMapping.Get("accessor"), "query.parent.accessor");
                if (accessor is not null && !context.CheckIdentifier(accessor, parentMapping.Get("accessor")!.Span, "accessor of the child list's parent", "Write a C# name, e.g. accessor: Actions (gives parent.SelectActions() and parent.GetActionsAsync())."))
                {
                    accessor = null;
                }
                if (parentModel is not null && parentField is not null)
                {
                    bool external = parentModel.StartsWith("global::", StringComparison.Ordinal);
                    parent = new QueryParentSpec(parentModel, parentField, external ? parentModel : string.Empty, accessor);
                }
            }
            if (kind == QueryKind.ChildList && parentMapping is null && mapping.Get("kind") is { } kindNode)
            {
                context.Report(DiagnosticDescriptors.MissingKey, kindNode.Span, "Query kind 'childList'", "parent", "Add parent: { model: Watchlist, field: watchlist_id }.");
            }

            return new QuerySpec(
                kind,
                new EquatableArray<string>(parameters.ToArray()),
                parent,
                context.AsString(mapping.Get("defaultSort"), "query.defaultSort"),
                context.AsPositiveInt(mapping.Get("pageSize"), "query.pageSize"),
                context.AsBool(mapping.Get("sendsLegacy5xMode"), "query.sendsLegacy5xMode", false));
        }

        private static KeySpec ParseKey(SpecMapping? mapping, List<FieldSpec> fields, HashSet<string> fieldNames, ParseContext context)
        {
            if (mapping is null) return new KeySpec(EquatableArray<string>.Empty, KeyNormalization.None, false);
            context.CheckKeys(mapping, SpecKeys.Key, "key");
            var keyFields = new List<string>();
            var listed = context.AsStringList(mapping.Get("fields"), "key.fields");
            foreach (var item in listed)
            {
                if (!fieldNames.Contains(item.Key))
                {
                    context.Report(DiagnosticDescriptors.KeyNotAField, item.Value, item.Key, JoinParser.Suggest(item.Key, fieldNames));
                    continue;
                }
                if (keyFields.Contains(item.Key))
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, item.Value, item.Key, "key.fields", "The field is listed twice; list each key field once.");
                    continue;
                }
                var type = fields.Find(f => f.JsonName == item.Key)!.Type;
                if (type.Kind is FieldKind.List or FieldKind.Map or FieldKind.Nested or FieldKind.Json)
                {
                    context.Report(DiagnosticDescriptors.InvalidValue, item.Value, item.Key, "key.fields",
                        "A key field holds one value that goes into a route; '" + item.Key + "' is " + type.Text + ". Use a field of one value (string, int, long, guid, ...).");
                    continue;
                }
                keyFields.Add(item.Key);
            }
            if (mapping.Get("fields") is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, mapping.Span, "'key'", "fields", "Example: key: { fields: [id] }");
            }
            else if (listed.Count == 0 && mapping.Get("fields") is { } emptyNode)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, emptyNode.Span, "[]", "key.fields", "A key needs at least one field, e.g. key: { fields: [id] }; a model without a key leaves out 'key:'.");
            }
            var normalize = context.AsChoice(mapping.Get("normalize"), "key.normalize", SpecKeys.Normalizations) switch
            {
                "upper" => KeyNormalization.Upper,
                "lower" => KeyNormalization.Lower,
                _ => KeyNormalization.None,
            };
            bool sentOnCreate = context.AsBool(mapping.Get("sentOnCreate"), "key.sentOnCreate", false);
            return new KeySpec(new EquatableArray<string>(keyFields.ToArray()), normalize, sentOnCreate);
        }

        private static RoutesSpec ParseRoutes(SpecMapping? mapping, HashSet<string> fieldNames, QuerySpec query, ParseContext context)
        {
            var parsed = new Dictionary<string, RouteParser.ParsedRoute?>(StringComparer.Ordinal);
            var extra = new List<RouteSpec>();
            bool createAsArray = false;
            bool getFromList = false;
            var allPlaceholders = new List<KeyValuePair<string, KeyValuePair<string, SpecSpan>>>();
            if (mapping is not null)
            {
                context.CheckKeys(mapping, SpecKeys.Routes, "routes");
                foreach (var entry in mapping.Entries)
                {
                    string name = entry.Key.Value;
                    if (name == "extra")
                    {
                        var extraMapping = context.AsMapping(entry.Value, "routes.extra", "{ events: GET /api/v1/x/{id}/event }");
                        if (extraMapping is null) continue;
                        foreach (var extraEntry in extraMapping.Entries)
                        {
                            string extraName = extraEntry.Key.Value;
                            if (!context.CheckIdentifier(NameRules.ToPascalCase(extraName), extraEntry.Key.Span, "extra route name", "Write a name of letters, digits and '_'.")) continue;
                            var extraRoute = RouteParser.Parse(extraName, extraEntry.Value, "routes.extra." + extraName, context);
                            if (extraRoute is null) continue;
                            extra.Add(extraRoute.Route);
                            foreach (var p in extraRoute.Placeholders) allPlaceholders.Add(new KeyValuePair<string, KeyValuePair<string, SpecSpan>>(extraName, p));
                        }
                        continue;
                    }
                    if (name == "getFrom")
                    {
                        getFromList = context.AsChoice(entry.Value, "routes.getFrom", SpecKeys.GetSources) == "list";
                        continue;
                    }
                    if (name == "createBody")
                    {
                        createAsArray = context.AsChoice(entry.Value, "routes.createBody", SpecKeys.CreateBodies) == "array";
                        continue;
                    }
                    if (Array.IndexOf(SpecKeys.Routes, name) < 0) continue;
                    var route = RouteParser.Parse(name, entry.Value, "routes." + name, context);
                    parsed[name] = route;
                    if (route is null) continue;
                    foreach (var p in route.Placeholders) allPlaceholders.Add(new KeyValuePair<string, KeyValuePair<string, SpecSpan>>(name, p));
                }
            }

            foreach (var item in allPlaceholders)
            {
                string placeholder = item.Value.Key;
                if (placeholder.StartsWith("parent.", StringComparison.Ordinal))
                {
                    if (query.Kind != QueryKind.ChildList)
                    {
                        context.Report(DiagnosticDescriptors.RouteUnknownField, item.Value.Value, item.Key, placeholder, " ({parent.…} is only available to childList models)", " or set query.kind: childList with a parent");
                    }
                    continue;
                }
                if (!fieldNames.Contains(placeholder))
                {
                    context.Report(DiagnosticDescriptors.RouteUnknownField, item.Value.Value, item.Key, placeholder, JoinParser.Suggest(placeholder, fieldNames), string.Empty);
                }
            }

            return new RoutesSpec(
                Get(parsed, "list"), Get(parsed, "get"), Get(parsed, "create"), Get(parsed, "update"), Get(parsed, "delete"),
                new EquatableArray<RouteSpec>(extra.ToArray()),
                createAsArray,
                getFromList);
        }

        private static RouteSpec? Get(Dictionary<string, RouteParser.ParsedRoute?> parsed, string name) =>
            parsed.TryGetValue(name, out var route) ? route?.Route : null;

        private static void CheckQueryRoutes(QuerySpec query, RoutesSpec routes, SpecMapping root, ParseContext context)
        {
            var span = root.Get("query")?.Span ?? root.GetKey("routes")?.Span ?? FirstKeySpan(root);
            string kind = SpecKeys.QueryKinds[(int)query.Kind];
            if (query.Kind == QueryKind.Singleton)
            {
                if (routes.Get is null) context.Report(DiagnosticDescriptors.QueryRouteMissing, span, kind, "get");
            }
            else if (routes.List is null && root.Get("query") is not null)
            {
                // Models without a query: section may be reachable only by key (get); a declared query needs its list route.
                context.Report(DiagnosticDescriptors.QueryRouteMissing, span, kind, "list");
            }
        }

        /// <summary><c>getFrom: list</c> filters the whole list by the key: it needs that list, a one-field key and no get route.</summary>
        private static void CheckGetFromList(QuerySpec query, RoutesSpec routes, KeySpec key, SpecMapping root, ParseContext context)
        {
            if (!routes.GetFromList) return;
            var node = (root.Get("routes") as SpecMapping)?.Get("getFrom");
            string? problem =
                routes.Get is not null ? "The spec also declares a get route; remove one of them."
                : routes.List is null ? "Add the list route it filters."
                : key.Fields.Count != 1 ? "It needs a key of one field (key: { fields: [id] })."
                : query.Kind != QueryKind.ClientList ? "Only a clientList model is filtered by key (query: { kind: clientList })."
                : null;
            if (problem is not null)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, node?.Span ?? root.Span, "list", "routes.getFrom", problem);
            }
        }

        /// <summary>A childList parent's <c>field</c> is this model's field holding the parent's key.</summary>
        private static void CheckParentField(SpecMapping root, QuerySpec query, HashSet<string> fieldNames, ParseContext context)
        {
            if (query.Parent is null || fieldNames.Contains(query.Parent.Field)) return;
            var node = ((root.Get("query") as SpecMapping)?.Get("parent") as SpecMapping)?.Get("field");
            context.Report(DiagnosticDescriptors.JoinUnknownField, node?.Span ?? root.Span, "query.parent", query.Parent.Field, "this model",
                JoinParser.Suggest(query.Parent.Field, fieldNames), "Set 'field' to this model's JSON field that holds the parent's key.");
        }

        private static SpecSpan FirstKeySpan(SpecMapping root) =>
            root.Entries.Count > 0 ? root.Entries[0].Key.Span : root.Span;

        private static T[] ToArray<T>(IReadOnlyList<T> list)
        {
            var array = new T[list.Count];
            for (int i = 0; i < array.Length; i++) array[i] = list[i];
            return array;
        }
    }
}
