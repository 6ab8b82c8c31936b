using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Parses <c>operations:</c>: per operation its C# name, scope, route (or a declared route's name), typed
    /// parameters, body and response, and checks that they fit together and with the model's fields.
    /// </summary>
    internal static class OperationParser
    {
        private const string Example = "{ mount: { route: \"POST /api/v1/x/{name}/mount\", response: refresh } }";

        public static List<OperationSpec> Parse(SpecNode? node, string modelName, string ns, List<FieldSpec> fields, RoutesSpec routes, ParseContext context)
        {
            var result = new List<OperationSpec>();
            var mapping = context.AsMapping(node, "operations", Example);
            if (mapping is null) return result;
            var fieldNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields) fieldNames.Add(field.JsonName);
            foreach (var entry in mapping.Entries)
            {
                var operation = ParseOne(entry.Key, entry.Value, modelName, ns, fieldNames, routes, context);
                if (operation is not null) result.Add(operation);
            }
            return result;
        }

        private static OperationSpec? ParseOne(SpecScalar key, SpecNode node, string modelName, string ns, HashSet<string> fieldNames, RoutesSpec routes, ParseContext context)
        {
            string name = key.Value;
            string path = "operations." + name;
            var op = context.AsMapping(node, path, "{ route: \"POST /api/v1/x/{name}/mount\", response: refresh }");
            if (op is null) return null;
            context.CheckKeys(op, SpecKeys.Operation, "operation '" + name + "'");

            var nameNode = op.Get("name");
            string methodName = context.AsString(nameNode, path + ".name") ?? NameRules.ToPascalCase(name);
            if (methodName.EndsWith("Async", StringComparison.Ordinal) && methodName.Length > 5)
            {
                methodName = methodName.Substring(0, methodName.Length - 5); // the async method gets the suffix; its sync twin does not
            }
            if (!context.CheckIdentifier(methodName, (nameNode ?? key).Span, "operation name", "Write a C# method name, e.g. name: Mount.")) return null;

            string? doc = context.AsString(op.Get("doc"), path + ".doc");
            bool isInternal = context.AsChoice(op.Get("access"), path + ".access", SpecKeys.Accessibilities) == "internal";
            var scope = context.AsChoice(op.Get("scope"), path + ".scope", SpecKeys.OperationScopes) == "collection"
                ? OperationScope.Collection
                : OperationScope.Instance;

            var route = ParseRoute(name, op, path, routes, context, out var placeholders);
            if (route is null) return null;

            var parameters = ParseParameters(name, op, path, route, scope, context);
            var body = ParseBody(name, op.Get("body"), path, fieldNames, parameters, context);
            var response = ParseResponse(op.Get("response"), path, modelName, ns, context);

            bool ok = CheckPlaceholders(name, scope, placeholders, parameters, fieldNames, context);
            ok &= CheckFit(name, op, key.Span, scope, route, parameters, body, response, routes, fieldNames, context);
            return ok
                ? new OperationSpec(name, methodName, doc, scope, route, new EquatableArray<OperationParameterSpec>(parameters.ToArray()), body, response, isInternal)
                : null;
        }

        /// <summary>"METHOD /path", a list of version variants, or the name of a route under <c>routes:</c>.</summary>
        private static RouteSpec? ParseRoute(string name, SpecMapping op, string path, RoutesSpec routes, ParseContext context, out List<KeyValuePair<string, SpecSpan>> placeholders)
        {
            placeholders = new List<KeyValuePair<string, SpecSpan>>();
            var routeNode = op.Get("route");
            if (routeNode is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, op.Span, "Operation '" + name + "'", "route",
                    "Write the request, e.g. route: \"POST /api/v1/x/{id}/mount\", or name a declared route, e.g. route: create.");
                return null;
            }

            RouteSpec? route;
            if (routeNode is SpecScalar { IsNull: false } scalar && scalar.Value.IndexOf(' ') < 0 && !scalar.Value.StartsWith("/", StringComparison.Ordinal))
            {
                route = Declared(routes, scalar.Value);
                if (route is null)
                {
                    context.Report(DiagnosticDescriptors.OperationInvalid, scalar.Span, name,
                        "'route: " + scalar.Value + "' names no route under 'routes:'",
                        "Write the request (\"POST /api/v1/x/{id}\"), or name one of list, get, create, update, delete or an extra route.");
                    return null;
                }
                foreach (var variant in route.Variants)
                {
                    foreach (var placeholder in variant.Placeholders) placeholders.Add(new KeyValuePair<string, SpecSpan>(placeholder, scalar.Span));
                }
            }
            else
            {
                var parsed = RouteParser.Parse(name, routeNode, path + ".route", context);
                if (parsed is null) return null;
                route = parsed.Route;
                placeholders = parsed.Placeholders;
            }

            // Operation-level bounds apply to every variant that does not set its own.
            string? min = RouteParser.ReadVersion(op.Get("minServerVersion"), path + ".minServerVersion", context);
            string? max = RouteParser.ReadVersion(op.Get("maxServerVersion"), path + ".maxServerVersion", context);
            RouteParser.CheckVersionRange(min, max, op.Get("minServerVersion")?.Span ?? op.Span, path, context);
            var variants = new RouteVariantSpec[route.Variants.Count];
            for (int i = 0; i < variants.Length; i++)
            {
                var variant = route.Variants[i];
                variants[i] = variant with { MinServerVersion = variant.MinServerVersion ?? min, MaxServerVersion = variant.MaxServerVersion ?? max };
                if (variant.MinServerVersion is null || variant.MaxServerVersion is null)
                {
                    RouteParser.CheckVersionRange(variants[i].MinServerVersion, variants[i].MaxServerVersion, op.Get("minServerVersion")?.Span ?? op.Get("maxServerVersion")?.Span ?? routeNode.Span, path, context);
                }
            }
            return new RouteSpec(name, NameRules.ToPascalCase(name), new EquatableArray<RouteVariantSpec>(variants));
        }

        private static RouteSpec? Declared(RoutesSpec routes, string name)
        {
            switch (name)
            {
                case "list": return routes.List;
                case "get": return routes.Get;
                case "create": return routes.Create;
                case "update": return routes.Update;
                case "delete": return routes.Delete;
            }
            foreach (var extra in routes.Extra)
            {
                if (extra.Name == name) return extra;
            }
            return null;
        }

        private static List<OperationParameterSpec> ParseParameters(string name, SpecMapping op, string path, RouteSpec route, OperationScope scope, ParseContext context)
        {
            var result = new List<OperationParameterSpec>();
            var mapping = context.AsMapping(op.Get("parameters"), path + ".parameters", "{ kind: { type: string, in: path } }");
            if (mapping is null) return result;
            var csharpNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
            if (scope == OperationScope.Collection) csharpNames.Add("client");
            string method = route.Variants[0].Method;
            foreach (var entry in mapping.Entries)
            {
                string wire = entry.Key.Value;
                string where = path + ".parameters." + wire;
                SpecNode? typeNode = entry.Value;
                SpecMapping? details = null;
                if (entry.Value is SpecMapping m)
                {
                    details = m;
                    context.CheckKeys(m, SpecKeys.OperationParameter, "parameter '" + wire + "'");
                    typeNode = m.Get("type");
                }
                string type = context.AsChoice(typeNode, where + ".type", SpecKeys.ParameterTypes) ?? "string";
                string? inText = context.AsChoice(details?.Get("in"), where + ".in", SpecKeys.ParameterLocations);
                var location = inText switch
                {
                    "path" => ParameterLocation.Path,
                    "query" => ParameterLocation.Query,
                    "body" => ParameterLocation.Body,
                    // Unsaid: a route placeholder, else the query string of a GET/DELETE, else the body.
                    _ => IsBodyOnly(type) ? ParameterLocation.Body
                        : InRoute(route, wire) ? ParameterLocation.Path
                        : method == "GET" || method == "DELETE" ? ParameterLocation.Query
                        : ParameterLocation.Body,
                };
                var nameNode = details?.Get("name");
                string csharp = context.AsString(nameNode, where + ".name") ?? CamelCase(NameRules.ToPascalCase(wire));
                if (!context.CheckIdentifier(csharp, (nameNode ?? entry.Key).Span, "parameter name", "Give it a C# name with name:, e.g. name: kind.")) continue;
                if (!csharpNames.Add(csharp))
                {
                    context.Report(DiagnosticDescriptors.NameClash, (nameNode ?? entry.Key).Span, csharp, "parameter '" + wire + "' of operation '" + name + "'",
                        csharp == "cancellationToken" || csharp == "client" ? "the parameter every operation method has" : "another parameter");
                    continue;
                }
                bool optional = context.AsBool(details?.Get("optional"), where + ".optional", false);
                if (optional && location == ParameterLocation.Path)
                {
                    context.Report(DiagnosticDescriptors.OperationInvalid, details!.Get("optional")!.Span, name,
                        "path parameter '" + wire + "' cannot be optional (the route needs its value)", "Remove optional: true, or send it in: query.");
                    continue;
                }
                if (IsBodyOnly(type) && location != ParameterLocation.Body)
                {
                    context.Report(DiagnosticDescriptors.ParameterTypeMisplaced, (details?.Get("in") ?? entry.Key).Span, wire, name, type,
                        "only the request body can carry", type == "stream" ? "Use in: body with body: multipart." : "Use in: body (or leave 'in:' out) with an object body such as body: parameters.");
                    continue;
                }
                if (type == "stream" && optional)
                {
                    context.Report(DiagnosticDescriptors.ParameterTypeMisplaced, details!.Get("optional")!.Span, wire, name, type,
                        "is the file the form sends and cannot be left out", "Remove optional: true.");
                    optional = false; // reported; kept as required so the body is not also reported as having no file
                }
                string? defaultLiteral = DefaultLiteral(details?.Get("default"), type, where + ".default", context);
                result.Add(new OperationParameterSpec(wire, csharp, type, location, optional, context.AsString(details?.Get("doc"), where + ".doc"), defaultLiteral));
            }
            return result;
        }

        /// <summary>Types only a body carries: any JSON value, free-form body members, a multipart file.</summary>
        internal static bool IsBodyOnly(string type) => type == "json" || type == "members" || type == "stream";

        /// <summary>A parameter's <c>default:</c> as a C# literal of its type (lists have none).</summary>
        private static string? DefaultLiteral(SpecNode? node, string type, string path, ParseContext context)
        {
            string? text = context.AsString(node, path);
            if (text is null) return null;
            bool ok = type switch
            {
                "string" or "segments" => true,
                "bool" => text == "true" || text == "false",
                "int" => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "long" => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                "double" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                _ => false,
            };
            if (!ok)
            {
                context.Report(DiagnosticDescriptors.InvalidValue, node!.Span, text, path,
                    type.StartsWith("list<", StringComparison.Ordinal) || IsBodyOnly(type) ? "A " + type + " parameter has no default; make it optional: true instead." : "Write a " + type + " value.");
                return null;
            }
            if (type == "string" || type == "segments") return Emit.CSharp.Literal(text);
            if (type == "double" && text.IndexOf('.') < 0 && text.IndexOf('e') < 0 && text.IndexOf('E') < 0) return text + ".0";
            return type == "long" ? text + "L" : text;
        }

        private static OperationBodySpec ParseBody(string name, SpecNode? node, string path, HashSet<string> fieldNames, List<OperationParameterSpec> parameters, ParseContext context)
        {
            var kind = OperationBodyKind.None;
            var bodyFields = new List<string>();
            var constants = new List<OperationConstantSpec>();
            string? template = null;
            string? fileName = null;
            if (node is SpecMapping mapping)
            {
                context.CheckKeys(mapping, SpecKeys.OperationBody, "the body of operation '" + name + "'");
                string? kindText = context.AsChoice(mapping.Get("kind"), path + ".body.kind", SpecKeys.BodyKinds);
                template = context.AsString(mapping.Get("template"), path + ".body.template");
                fileName = context.AsString(mapping.Get("fileName"), path + ".body.fileName");
                kind = kindText is not null ? BodyKind(kindText)
                    : template is not null ? OperationBodyKind.Template
                    : mapping.Get("fields") is null ? OperationBodyKind.Parameters
                    : OperationBodyKind.Fields;
                foreach (var item in context.AsStringList(mapping.Get("fields"), path + ".body.fields"))
                {
                    if (!fieldNames.Contains(item.Key))
                    {
                        context.Report(DiagnosticDescriptors.OperationUnknownBodyField, item.Value, name, item.Key, JoinParser.Suggest(item.Key, fieldNames));
                        continue;
                    }
                    bodyFields.Add(item.Key);
                }
                var set = context.AsMapping(mapping.Get("set"), path + ".body.set", "{ enabled: true }");
                if (set is not null)
                {
                    foreach (var constant in set.Entries)
                    {
                        if (constant.Value is SpecScalar value)
                        {
                            constants.Add(new OperationConstantSpec(constant.Key.Value, JsonLiteral(value)));
                        }
                        else
                        {
                            context.Report(DiagnosticDescriptors.WrongShape, constant.Value.Span, path + ".body.set." + constant.Key.Value, "a value", constant.Value.ShapeName, "Write true, false, null, a number or a text.");
                        }
                    }
                }
            }
            else if (node is not null)
            {
                string? kindText = context.AsChoice(node, path + ".body", SpecKeys.BodyKinds);
                if (kindText is not null) kind = BodyKind(kindText);
            }
            else
            {
                foreach (var parameter in parameters)
                {
                    if (parameter.In == ParameterLocation.Body) kind = OperationBodyKind.Parameters; // body parameters alone make a parameter object
                }
            }
            return new OperationBodySpec(kind, new EquatableArray<string>(bodyFields.ToArray()), new EquatableArray<OperationConstantSpec>(constants.ToArray()),
                kind == OperationBodyKind.Template ? template : null, fileName);
        }

        private static OperationBodyKind BodyKind(string text) => text switch
        {
            "null" => OperationBodyKind.Null,
            "changes" => OperationBodyKind.Changes,
            "model" => OperationBodyKind.Model,
            "create" => OperationBodyKind.Create,
            "array" => OperationBodyKind.Array,
            "fields" => OperationBodyKind.Fields,
            "parameters" => OperationBodyKind.Parameters,
            "template" => OperationBodyKind.Template,
            "multipart" => OperationBodyKind.Multipart,
            _ => OperationBodyKind.None,
        };

        /// <summary>Spec scalars are text: true/false/null and JSON numbers stay literals, anything else is a JSON string.</summary>
        private static string JsonLiteral(SpecScalar value)
        {
            if (value.IsNull) return "null";
            string text = value.Value;
            if (text == "true" || text == "false") return text;
            if (IsJsonNumber(text)) return text;
            return CSharpJsonString(text);
        }

        private static bool IsJsonNumber(string text) =>
            text.Length > 0 && (char.IsDigit(text[0]) || (text[0] == '-' && text.Length > 1 && char.IsDigit(text[1])))
            && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
            && (text.Length == 1 || text[0] != '0' || text[1] == '.');

        private static string CSharpJsonString(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length + 2);
            builder.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < ' ') builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else builder.Append(c);
                        break;
                }
            }
            builder.Append('"');
            return builder.ToString();
        }

        private static OperationResponseSpec ParseResponse(SpecNode? node, string path, string modelName, string ns, ParseContext context)
        {
            string? text = context.AsString(node, path + ".response");
            if (text is null) return OperationResponseSpec.None;
            switch (text)
            {
                case "none": return OperationResponseSpec.None;
                case "refresh": return new OperationResponseSpec(OperationResponseKind.Refresh, null, null, string.Empty);
                case "load": return new OperationResponseSpec(OperationResponseKind.Load, null, null, string.Empty);
                case "stream": return new OperationResponseSpec(OperationResponseKind.Stream, null, null, string.Empty);
                case "string":
                case "int":
                case "long":
                case "double":
                case "bool":
                    return new OperationResponseSpec(OperationResponseKind.Scalar, null, text, string.Empty);
            }

            var kind = OperationResponseKind.Model;
            string target = text;
            if (text.StartsWith("list<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal))
            {
                kind = OperationResponseKind.List;
                target = text.Substring(5, text.Length - 6).Trim();
            }
            else if (text.StartsWith("map<", StringComparison.Ordinal) && text.EndsWith(">", StringComparison.Ordinal))
            {
                kind = OperationResponseKind.Map;
                target = text.Substring(4, text.Length - 5).Trim();
            }
            bool external = NameRules.IsValidGlobalTypeName(target);
            if (!external && !NameRules.IsValidIdentifier(target))
            {
                context.Report(DiagnosticDescriptors.InvalidValue, node!.Span, text, path + ".response",
                    "Use one of: " + string.Join(", ", SpecKeys.ResponseKinds) + " (Model is a model's name, e.g. list<Sensor>).");
                return OperationResponseSpec.None;
            }
            // This model, or a model from another assembly, is known now; another spec's model is resolved across specs.
            string resolved = external ? target : target == modelName ? "global::" + ns + "." + modelName : string.Empty;
            return new OperationResponseSpec(kind, target, null, resolved);
        }

        private static bool CheckPlaceholders(string name, OperationScope scope, List<KeyValuePair<string, SpecSpan>> placeholders, List<OperationParameterSpec> parameters, HashSet<string> fieldNames, ParseContext context)
        {
            bool ok = true;
            foreach (var placeholder in placeholders)
            {
                if (IsPathParameter(parameters, placeholder.Key)) continue;
                if (scope == OperationScope.Instance && fieldNames.Contains(placeholder.Key)) continue;
                var candidates = new List<string>();
                foreach (var p in parameters) candidates.Add(p.Name);
                if (scope == OperationScope.Instance) candidates.AddRange(fieldNames);
                context.Report(DiagnosticDescriptors.OperationUnknownPlaceholder, placeholder.Value, name, placeholder.Key,
                    scope == OperationScope.Instance ? "neither a path parameter nor a field of this model" : "not a path parameter (a collection operation has no instance fields)",
                    JoinParser.Suggest(placeholder.Key, candidates));
                ok = false;
            }
            return ok;
        }

        /// <summary>Scope, body, parameters and response must make one sensible request.</summary>
        private static bool CheckFit(string name, SpecMapping op, SpecSpan keySpan, OperationScope scope, RouteSpec route, List<OperationParameterSpec> parameters,
            OperationBodySpec body, OperationResponseSpec response, RoutesSpec routes, HashSet<string> fieldNames, ParseContext context)
        {
            int before = context.Diagnostics.Count;
            var bodySpan = op.Get("body")?.Span ?? keySpan;
            var responseSpan = op.Get("response")?.Span ?? keySpan;
            bool usesInstance = body.Kind == OperationBodyKind.Changes || body.Kind == OperationBodyKind.Model || body.Kind == OperationBodyKind.Create
                || body.Kind == OperationBodyKind.Array || body.Kind == OperationBodyKind.Fields;
            if (scope == OperationScope.Collection && usesInstance)
            {
                context.Report(DiagnosticDescriptors.OperationInvalid, bodySpan, name, "a collection operation has no instance whose fields it could send",
                    "Use body: parameters with 'in: body' parameters, or scope: instance.");
            }
            if (scope == OperationScope.Collection && (response.Kind == OperationResponseKind.Refresh || response.Kind == OperationResponseKind.Load))
            {
                context.Report(DiagnosticDescriptors.OperationInvalid, responseSpan, name, "a collection operation has no instance to refresh or load",
                    "Answer a model instead (response: ModelName, list<ModelName> or map<ModelName>), or use scope: instance.");
            }
            if (response.Kind == OperationResponseKind.Refresh && routes.Get is null)
            {
                context.Report(DiagnosticDescriptors.OperationInvalid, responseSpan, name, "response: refresh needs the model's 'get' route",
                    "Add routes: { get: GET /api/... }, or use response: load when the answer is the model itself.");
            }
            if (!body.Constants.IsEmpty && !body.IsMemberObject)
            {
                context.Report(DiagnosticDescriptors.OperationInvalid, bodySpan, name, "'set:' constants need an object body",
                    "Use body: { fields: [...], set: {...} } or body: { set: {...} } (a parameter object).");
            }
            if (body.Kind == OperationBodyKind.Template)
            {
                CheckTemplate(name, body, bodySpan, scope, parameters, fieldNames, context);
            }
            CheckBodyOnlyTypes(name, op, body, bodySpan, response, parameters, context);
            foreach (var parameter in parameters)
            {
                if (parameter.In == ParameterLocation.Body && !body.IsMemberObject && body.Kind != OperationBodyKind.Template && body.Kind != OperationBodyKind.Multipart)
                {
                    context.Report(DiagnosticDescriptors.OperationInvalid, bodySpan, name, "parameter '" + parameter.Name + "' goes in the body, but the body is not a parameter object",
                        "Use body: parameters, or body: { fields: [...] }, or send the parameter in: query.");
                }
                if (parameter.Type == "segments" && parameter.In != ParameterLocation.Path)
                {
                    context.Report(DiagnosticDescriptors.OperationInvalid, keySpan, name, "parameter '" + parameter.Name + "' is of type segments, which only a path placeholder can take",
                        "Use in: path with a {" + parameter.Name + "} in the route, or type: string.");
                }
                if (parameter.In == ParameterLocation.Path && !InRoute(route, parameter.Name))
                {
                    context.Report(DiagnosticDescriptors.OperationInvalid, keySpan, name, "parameter '" + parameter.Name + "' is in: path, but a route variant has no {" + parameter.Name + "}",
                        "Add {" + parameter.Name + "} to every variant of the route, or send it in: query.");
                }
            }
            foreach (var variant in route.Variants)
            {
                if (variant.Method == "GET" && body.Kind != OperationBodyKind.None)
                {
                    context.Report(DiagnosticDescriptors.OperationInvalid, bodySpan, name, "a GET request carries no body",
                        "Remove 'body:' (send values in: query), or use the method the server expects.");
                    break;
                }
            }
            return context.Diagnostics.Count == before;
        }

        /// <summary>
        /// <c>json</c> and <c>members</c> go in an object body (one <c>members</c> at most); <c>stream</c> in a
        /// multipart body, which has exactly one, a <c>fileName</c> naming a string body parameter, and no JSON values.
        /// </summary>
        private static void CheckBodyOnlyTypes(string name, SpecMapping op, OperationBodySpec body, SpecSpan bodySpan, OperationResponseSpec response, List<OperationParameterSpec> parameters, ParseContext context)
        {
            var declared = op.Get("parameters") as SpecMapping;
            SpecSpan SpanOf(OperationParameterSpec p) => declared?.Get(p.Name)?.Span ?? bodySpan;
            bool multipart = body.Kind == OperationBodyKind.Multipart;
            int streams = 0;
            int members = 0;
            foreach (var p in parameters)
            {
                if (p.Type == "stream")
                {
                    streams++;
                    if (!multipart)
                    {
                        context.Report(DiagnosticDescriptors.ParameterTypeMisplaced, SpanOf(p), p.Name, name, p.Type, "is a file only a multipart form can send",
                            "Use body: { kind: multipart, fileName: file_name }.");
                    }
                }
                else if ((p.Type == "json" || p.Type == "members") && !body.IsMemberObject)
                {
                    context.Report(DiagnosticDescriptors.ParameterTypeMisplaced, SpanOf(p), p.Name, name, p.Type,
                        "writes JSON members, which only an object body has" + (multipart ? " (a form's parts are text)" : string.Empty),
                        "Use body: parameters (or { fields: [...] }), or type: string.");
                }
                else if (p.Type == "members" && ++members > 1)
                {
                    context.Report(DiagnosticDescriptors.ParameterTypeMisplaced, SpanOf(p), p.Name, name, p.Type,
                        "may appear once per operation (the members of two could collide)", "Merge them into one members parameter.");
                }
            }
            if (!multipart)
            {
                if (body.FileNameParameter is not null)
                {
                    context.Report(DiagnosticDescriptors.MultipartBodyInvalid, (op.Get("body") as SpecMapping)?.Get("fileName")?.Span ?? bodySpan, name,
                        "'fileName:' belongs to a multipart body", "Add kind: multipart to the body, or remove fileName.");
                }
                return;
            }
            if (streams != 1)
            {
                context.Report(DiagnosticDescriptors.MultipartBodyInvalid, bodySpan, name, streams == 0 ? "no parameter is of type stream" : "it has " + streams + " stream parameters",
                    "Declare exactly one file parameter, e.g. parameters: { file: { type: stream } }.");
            }
            OperationParameterSpec? fileName = null;
            foreach (var p in parameters)
            {
                if (p.Name == body.FileNameParameter) fileName = p;
            }
            var fileNameSpan = (op.Get("body") as SpecMapping)?.Get("fileName")?.Span ?? bodySpan;
            if (body.FileNameParameter is null)
            {
                context.Report(DiagnosticDescriptors.MultipartBodyInvalid, bodySpan, name, "the file part needs a file name",
                    "Name the string parameter that holds it: body: { kind: multipart, fileName: file_name }.");
            }
            else if (fileName is null || fileName.Type != "string" || fileName.In != ParameterLocation.Body || fileName.Optional)
            {
                context.Report(DiagnosticDescriptors.MultipartBodyInvalid, fileNameSpan, name,
                    "'fileName: " + body.FileNameParameter + "' " + (fileName is null ? "is not a parameter" : "is not a required string body parameter"),
                    "Declare it under parameters: as { type: string } (in: body, not optional).");
            }
            if (response.Kind == OperationResponseKind.Stream)
            {
                context.Report(DiagnosticDescriptors.MultipartBodyInvalid, op.Get("response")?.Span ?? bodySpan, name, "an upload's answer is read whole, not streamed",
                    "Answer a model, a scalar or none.");
            }
        }

        /// <summary>A template needs its text; each placeholder is a body parameter, or a field inside a JSON string; every body parameter is used.</summary>
        private static void CheckTemplate(string name, OperationBodySpec body, SpecSpan span, OperationScope scope, List<OperationParameterSpec> parameters, HashSet<string> fieldNames, ParseContext context)
        {
            if (body.Template is null)
            {
                context.Report(DiagnosticDescriptors.MissingKey, span, "A template body of operation '" + name + "'", "template",
                    "Example: body: { template: '{\"updates\": {\"is_ignored\": {ignored}}}' }");
                return;
            }
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in BodyTemplate.Parse(body.Template))
            {
                if (part.Placeholder is null) continue;
                used.Add(part.Placeholder);
                bool isParameter = false;
                foreach (var p in parameters)
                {
                    if (p.Name == part.Placeholder && p.In == ParameterLocation.Body) isParameter = true;
                }
                if (isParameter) continue;
                bool isField = scope == OperationScope.Instance && fieldNames.Contains(part.Placeholder);
                if (!isField || !part.InString)
                {
                    context.Report(DiagnosticDescriptors.OperationUnknownPlaceholder, span, name, part.Placeholder,
                        isField ? "a field outside a JSON string in the body template (only parameters may stand for a JSON value)" : "not a body parameter" + (scope == OperationScope.Instance ? " nor a field of this model" : string.Empty),
                        string.Empty);
                }
            }
            foreach (var p in parameters)
            {
                if (p.In == ParameterLocation.Body && !used.Contains(p.Name))
                {
                    context.Report(DiagnosticDescriptors.OperationInvalid, span, name, "body parameter '" + p.Name + "' does not appear in the template",
                        "Write {" + p.Name + "} where its value goes, or send it in: query.");
                }
            }
        }

        private static bool IsPathParameter(List<OperationParameterSpec> parameters, string placeholder)
        {
            foreach (var p in parameters)
            {
                if (p.In == ParameterLocation.Path && p.Name == placeholder) return true;
            }
            return false;
        }

        /// <summary>True when every variant of the route has the placeholder.</summary>
        private static bool InRoute(RouteSpec route, string placeholder)
        {
            foreach (var variant in route.Variants)
            {
                if (!variant.Placeholders.Contains(placeholder)) return false;
            }
            return true;
        }

        private static string CamelCase(string pascal) =>
            pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
    }
}
