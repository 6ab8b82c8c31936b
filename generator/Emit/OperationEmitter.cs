using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// The spec's <c>operations:</c>: per operation a typed <c>{Name}Async</c> method with a <c>CancellationToken</c> and
    /// its synchronous twin <c>{Name}</c>. The method picks the route variant for the server's version (a typed
    /// <c>CbUnsupportedServerException</c> before any request when none applies), fills the route from fields and path
    /// parameters, writes the body with the model's own field writers, and reads the answer through the generated readers.
    /// </summary>
    internal static class OperationEmitter
    {
        private const string Ops = TypeNames.Modeling + "CbOperations.";
        private const string Ct = "cancellationToken";

        public static string Emit(ModelSpec model)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            w.Open("partial class " + model.Name);
            for (int i = 0; i < model.Operations.Count; i++)
            {
                if (i > 0)
                {
                    w.Line();
                }
                WriteOperation(w, model, model.Operations[i]);
            }
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void WriteOperation(CodeWriter w, ModelSpec model, OperationSpec op)
        {
            string routeField = "__" + op.MethodName + "Route";
            w.Line("private static readonly " + TypeNames.Modeling + "CbRouteSet " + routeField + " = " + RouteSet(op.Route) + ";");
            w.Line();

            var parameters = Ordered(op.Parameters);
            string returnType = ReturnType(op.Response);
            bool isStatic = op.Scope == OperationScope.Collection;
            WriteDocs(w, model, op, parameters, returnType, sync: false);
            string signature = Signature(parameters, isStatic, withDefaults: true);
            string asyncType = returnType.Length == 0 ? TypeNames.Task : TypeNames.Task + "<" + returnType + ">";
            string access = op.IsInternal ? "internal " : "public ";
            w.Open(access + (isStatic ? "static " : string.Empty) + "async " + asyncType + " " + op.MethodName + "Async(" + signature + ")");
            WriteBodyOfMethod(w, model, op, parameters);
            w.Close();
            w.Line();

            WriteDocs(w, model, op, parameters, returnType, sync: true);
            string call = op.MethodName + "Async(" + Arguments(parameters, isStatic) + "__ct)";
            w.Line(access + (isStatic ? "static " : string.Empty) + (returnType.Length == 0 ? "void" : returnType) + " " + op.MethodName + "(" + signature + ") =>");
            w.Indent();
            w.Line(Ops + "Run(__ct => " + call + ", " + Ct + ");");
            w.Unindent();
        }

        private static void WriteBodyOfMethod(CodeWriter w, ModelSpec model, OperationSpec op, List<OperationParameterSpec> parameters)
        {
            bool isStatic = op.Scope == OperationScope.Collection;
            w.Line("const string __operation = " + CSharp.Literal(model.Name + "." + op.MethodName + "Async") + ";");
            foreach (var p in parameters)
            {
                if (!p.Optional && p.DefaultLiteral is null && (p.Type == "string" || p.Type == "segments" || p.Type == "members" || p.Type == "stream" || p.Type.StartsWith("list<", System.StringComparison.Ordinal)))
                {
                    w.Line("global::System.ArgumentNullException.ThrowIfNull(" + p.CSharpName + ");");
                }
            }
            w.Line(TypeNames.Modeling + "ICbOperationSession __session = " + Ops + "SessionOf(" + (isStatic ? "client" : "this") + ", __operation);");
            if (op.Body.Kind == OperationBodyKind.Create || op.Body.Kind == OperationBodyKind.Array)
            {
                w.Line(Ops + "RequireCreatable(this, __operation);");
            }
            w.Line(TypeNames.Modeling + "CbRoute __route = await " + Ops + "ResolveAsync(__session, __" + op.MethodName + "Route, __operation, " + Ct + ").ConfigureAwait(false);");
            WritePath(w, op, parameters);
            string body = WriteBody(w, model, op, parameters);
            WriteSendAndResponse(w, op, body);
        }

        private static void WritePath(CodeWriter w, OperationSpec op, List<OperationParameterSpec> parameters)
        {
            var placeholders = new List<string>();
            foreach (var variant in op.Route.Variants)
            {
                foreach (var name in variant.Placeholders)
                {
                    if (!placeholders.Contains(name)) placeholders.Add(name);
                }
            }
            if (placeholders.Count == 0)
            {
                w.Line("string __path = __route.Template;");
            }
            else
            {
                bool raw = HasSegments(parameters);
                // A 'segments' value keeps its '/': every value is then escaped here and the route takes them as they are.
                w.Line("string __path = __route." + (raw ? "ExpandEscaped" : "Expand") + "(__name => __name switch");
                w.Line("{");
                w.Indent();
                foreach (var name in placeholders)
                {
                    var parameter = Find(parameters, name, ParameterLocation.Path);
                    string value = parameter is not null
                        ? TextOf(parameter, parameter.CSharpName)
                        : Ops + "FieldText(this, " + CSharp.Literal(name) + ", __operation)";
                    if (raw)
                    {
                        value = parameter?.Type == "segments" ? Ops + "EscapeSegments(" + value + ")" : "global::System.Uri.EscapeDataString(" + value + ")";
                    }
                    w.Line(CSharp.Literal(name) + " => " + value + ",");
                }
                w.Line("_ => null,");
                w.Unindent();
                w.Line("});");
            }
            foreach (var p in parameters)
            {
                if (p.In != ParameterLocation.Query) continue;
                if (p.Type.StartsWith("list<", System.StringComparison.Ordinal))
                {
                    string item = p.Type == "list<int>" ? Ops + "Text(__item)" : "__item";
                    w.Open("foreach (var __item in " + p.CSharpName + (p.Optional ? " ?? []" : string.Empty) + ")");
                    w.Line("__path = " + Ops + "AppendQuery(__path, " + CSharp.Literal(p.Name) + ", " + item + ");");
                    w.Close();
                }
                else if (p.Optional)
                {
                    w.Open("if (" + p.CSharpName + " is { } __" + p.CSharpName + ")");
                    w.Line("__path = " + Ops + "AppendQuery(__path, " + CSharp.Literal(p.Name) + ", " + TextOf(p, "__" + p.CSharpName) + ");");
                    w.Close();
                }
                else
                {
                    w.Line("__path = " + Ops + "AppendQuery(__path, " + CSharp.Literal(p.Name) + ", " + TextOf(p, p.CSharpName) + ");");
                }
            }
        }

        /// <summary>Writes the body and returns the expression the send passes (<c>null</c> for none).</summary>
        private static string WriteBody(CodeWriter w, ModelSpec model, OperationSpec op, List<OperationParameterSpec> parameters)
        {
            switch (op.Body.Kind)
            {
                case OperationBodyKind.None:
                    return "null";
                case OperationBodyKind.Null:
                    return Ops + "JsonNull";
                case OperationBodyKind.Changes:
                    return "ToUtf8Json(" + TypeNames.Modeling + "CbWriteMode.Changes)";
                case OperationBodyKind.Model:
                    return "ToUtf8Json(" + TypeNames.Modeling + "CbWriteMode.Full)";
                case OperationBodyKind.Create:
                    return "ToUtf8Json(" + TypeNames.Modeling + "CbWriteMode.Create)";
                case OperationBodyKind.Template:
                    return WriteTemplate(w, op, parameters);
                case OperationBodyKind.Multipart:
                    return WriteForm(w, op, parameters);
            }

            w.Line("var __buffer = new global::System.Buffers.ArrayBufferWriter<byte>(256);");
            w.Open("using (var __writer = new " + TypeNames.JsonWriter + "(__buffer, " + TypeNames.Modeling + "CbJson.WriterOptions))");
            if (op.Body.Kind == OperationBodyKind.Array)
            {
                w.Line("__writer.WriteStartArray();");
                w.Line("WriteTo(__writer, " + TypeNames.Modeling + "CbWriteMode.Create);");
                w.Line("__writer.WriteEndArray();");
            }
            else
            {
                w.Line("__writer.WriteStartObject();");
                foreach (string field in op.Body.Fields)
                {
                    // The model's own field writer: the same encoding a save uses, null when the field has no value.
                    w.Line("WriteFieldValue(__writer, " + CSharp.Int(ModelInfoEmitter.IndexOf(model.Fields, field)) + ", " + TypeNames.Modeling + "CbWriteMode.Full);");
                }
                foreach (var constant in op.Body.Constants)
                {
                    w.Line("__writer.WritePropertyName(" + CSharp.Literal(constant.JsonName) + ");");
                    w.Line("__writer.WriteRawValue(" + CSharp.Literal(constant.JsonLiteral) + ");");
                }
                foreach (var p in parameters)
                {
                    if (p.In == ParameterLocation.Body) WriteBodyParameter(w, p);
                }
                w.Line("__writer.WriteEndObject();");
            }
            w.Close();
            return "__buffer.WrittenMemory";
        }

        /// <summary>The template's text with each placeholder's value JSON-encoded (string content or a whole value).</summary>
        private static string WriteTemplate(CodeWriter w, OperationSpec op, List<OperationParameterSpec> parameters)
        {
            var pieces = new List<string>();
            foreach (var part in Parsing.BodyTemplate.Parse(op.Body.Template!))
            {
                if (part.Placeholder is null)
                {
                    pieces.Add(CSharp.Literal(part.Literal));
                    continue;
                }
                var parameter = Find(parameters, part.Placeholder, ParameterLocation.Body);
                string value = parameter is null ? Ops + "FieldText(this, " + CSharp.Literal(part.Placeholder) + ", __operation)" : parameter.CSharpName;
                pieces.Add(part.InString ? Ops + "JsonStringContent(" + (parameter is null ? value : TextOf(parameter, value)) + ")" : Ops + "JsonValue(" + value + ")");
            }
            w.Line("byte[] __template = global::System.Text.Encoding.UTF8.GetBytes(string.Concat(" + string.Join(", ", pieces) + "));");
            return "__template";
        }

        /// <summary>The form's parts: the file from the stream parameter, one text part per other body parameter (a list: one per item).</summary>
        private static string WriteForm(CodeWriter w, OperationSpec op, List<OperationParameterSpec> parameters)
        {
            w.Line("var __parts = new global::System.Collections.Generic.List<" + TypeNames.Modeling + "CbFormPart>();");
            string fileName = Find(parameters, op.Body.FileNameParameter!, ParameterLocation.Body)!.CSharpName;
            foreach (var p in parameters)
            {
                if (p.In != ParameterLocation.Body || p.Name == op.Body.FileNameParameter) continue;
                string name = CSharp.Literal(p.Name);
                if (p.Type == "stream")
                {
                    w.Line("__parts.Add(" + TypeNames.Modeling + "CbFormPart.File(" + name + ", " + p.CSharpName + ", " + fileName + "));");
                    continue;
                }
                if (p.Optional)
                {
                    w.Open("if (" + p.CSharpName + " is not null)");
                }
                if (p.Type.StartsWith("list<", System.StringComparison.Ordinal))
                {
                    w.Open("foreach (var __item in " + p.CSharpName + ")");
                    w.Line("__parts.Add(" + TypeNames.Modeling + "CbFormPart.Text(" + name + ", " + (p.Type == "list<int>" ? Ops + "Text(__item)" : "__item") + "));");
                    w.Close();
                }
                else
                {
                    string value = p.Optional && p.Type != "string" ? p.CSharpName + ".Value" : p.CSharpName;
                    w.Line("__parts.Add(" + TypeNames.Modeling + "CbFormPart.Text(" + name + ", " + TextOf(p, value) + "));");
                }
                if (p.Optional)
                {
                    w.Close();
                }
            }
            return "__parts";
        }

        private static void WriteBodyParameter(CodeWriter w, OperationParameterSpec p)
        {
            if (p.Type == "json" || p.Type == "members")
            {
                WriteJsonParameter(w, p);
                return;
            }
            string name = CSharp.Literal(p.Name);
            string value = p.Optional && p.Type != "string" && !p.Type.StartsWith("list<", System.StringComparison.Ordinal) ? p.CSharpName + ".Value" : p.CSharpName;
            string write = p.Type switch
            {
                "string" => "__writer.WriteString(" + name + ", " + value + ");",
                "bool" => "__writer.WriteBoolean(" + name + ", " + value + ");",
                "list<string>" or "list<int>" => string.Empty,
                _ => "__writer.WriteNumber(" + name + ", " + value + ");",
            };
            if (p.Optional)
            {
                w.Open("if (" + p.CSharpName + " is not null)");
            }
            if (write.Length > 0)
            {
                w.Line(write);
            }
            else
            {
                w.Line("__writer.WriteStartArray(" + name + ");");
                w.Open("foreach (var __item in " + p.CSharpName + ")");
                w.Line(p.Type == "list<int>" ? "__writer.WriteNumberValue(__item);" : "__writer.WriteStringValue(__item);");
                w.Close();
                w.Line("__writer.WriteEndArray();");
            }
            if (p.Optional)
            {
                w.Close();
            }
        }

        /// <summary>A <c>json</c> parameter as one member (null: JSON null, or left out when optional); <c>members</c> as members of their own.</summary>
        private static void WriteJsonParameter(CodeWriter w, OperationParameterSpec p)
        {
            if (p.Optional)
            {
                w.Open("if (" + p.CSharpName + " is not null)");
            }
            if (p.Type == "json")
            {
                w.Line("__writer.WritePropertyName(" + CSharp.Literal(p.Name) + ");");
                w.Line(Ops + "WriteJson(__writer, " + p.CSharpName + ");");
            }
            else
            {
                w.Open("foreach (var __member in " + p.CSharpName + ")");
                w.Line("__writer.WritePropertyName(__member.Key);");
                w.Line(Ops + "WriteJson(__writer, __member.Value);");
                w.Close();
            }
            if (p.Optional)
            {
                w.Close();
            }
        }

        private static void WriteSendAndResponse(CodeWriter w, OperationSpec op, string body)
        {
            string send = op.Body.Kind == OperationBodyKind.Multipart
                ? "__session.SendOperationFormAsync(__route.Method, __path, __parts, " + Ct + ").ConfigureAwait(false)"
                : "__session.SendOperationAsync(__route.Method, __path, " + body + ", " + Ct + ").ConfigureAwait(false)";
            var response = op.Response;
            switch (response.Kind)
            {
                case OperationResponseKind.None:
                    w.Line("await " + send + ";");
                    return;
                case OperationResponseKind.Refresh:
                    w.Line("await " + send + ";");
                    w.Line("await __session.RefreshAsync(this, " + Ct + ").ConfigureAwait(false);");
                    return;
                case OperationResponseKind.Stream:
                    w.Line("return await __session.SendOperationStreamAsync(__route.Method, __path, " + body + ", " + Ct + ").ConfigureAwait(false);");
                    return;
            }
            w.Line("byte[] __answer = await " + send + ";");
            string args = "__answer, __route.Method, __path";
            switch (response.Kind)
            {
                case OperationResponseKind.Load:
                    w.Line(Ops + "Load(this, " + args + ");");
                    break;
                case OperationResponseKind.Model:
                    w.Line("return " + Ops + "ReadModel<" + response.TargetTypeName + ">(__session, " + args + ");");
                    break;
                case OperationResponseKind.List:
                    w.Line("return " + Ops + "ReadList<" + response.TargetTypeName + ">(__session, " + args + ");");
                    break;
                case OperationResponseKind.Map:
                    w.Line("return " + Ops + "ReadMap<" + response.TargetTypeName + ">(__session, " + args + ");");
                    break;
                case OperationResponseKind.Scalar:
                    w.Line("return " + Ops + ScalarReader(response.ScalarType!) + "(" + args + ");");
                    break;
            }
        }

        private static void WriteDocs(CodeWriter w, ModelSpec model, OperationSpec op, List<OperationParameterSpec> parameters, string returnType, bool sync)
        {
            if (sync)
            {
                w.Line("/// <summary>Synchronous <see cref=\"" + op.MethodName + "Async\"/>.</summary>");
            }
            else
            {
                CSharp.Summary(w, op.Doc is null ? "Sends " + RouteText(op.Route) + "." : CSharp.Xml(op.Doc));
                if (op.Doc is not null)
                {
                    CSharp.Remarks(w, "Sends " + RouteText(op.Route) + ".");
                }
            }
            if (op.Scope == OperationScope.Collection)
            {
                w.Line("/// <param name=\"client\">The session to send through (a <c>CbResponseClient</c>).</param>");
            }
            foreach (var p in parameters)
            {
                string where = p.In == ParameterLocation.Path ? "the route's <c>{" + CSharp.Xml(p.Name) + "}</c>"
                    : p.In == ParameterLocation.Query ? "the query parameter <c>" + CSharp.Xml(p.Name) + "</c>"
                    : p.Type == "members" ? "members of the body object, each under its own name"
                    : p.Type == "stream" ? "the file part <c>" + CSharp.Xml(p.Name) + "</c> of the form (read from the stream's position; the stream is not disposed)"
                    : op.Body.Kind == OperationBodyKind.Multipart && p.Name == op.Body.FileNameParameter ? "the file part's file name"
                    : op.Body.Kind == OperationBodyKind.Multipart ? "the form part <c>" + CSharp.Xml(p.Name) + "</c>"
                    : "the body member <c>" + CSharp.Xml(p.Name) + "</c>";
                string text = (p.Doc is null ? string.Empty : CSharp.Xml(p.Doc) + " ") + "Sent as " + where + (p.Optional ? "; left out when null." : ".");
                w.Line("/// <param name=\"" + p.CSharpName + "\">" + text + "</param>");
            }
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            if (returnType.Length > 0)
            {
                w.Line("/// <returns>" + ReturnsDoc(op.Response) + "</returns>");
            }
            w.Line("/// <exception cref=\"global::CbTyped.CbUnsupportedServerException\">The server's version has no route for this operation (nothing was sent).</exception>");
            if (op.Body.Kind == OperationBodyKind.Create || op.Body.Kind == OperationBodyKind.Array)
            {
                w.Line("/// <exception cref=\"global::CbTyped.CbInvalidObjectException\">A required field is missing (nothing was sent).</exception>");
            }
            if (op.Scope == OperationScope.Instance)
            {
                w.Line("/// <exception cref=\"global::System.InvalidOperationException\">This " + model.Name + " is not attached to a client, or a field the route needs is empty.</exception>");
            }
        }

        private static string ReturnsDoc(OperationResponseSpec response) => response.Kind switch
        {
            OperationResponseKind.Model => "The <see cref=\"" + response.TargetTypeName + "\"/> the server answered.",
            OperationResponseKind.List => "The <see cref=\"" + response.TargetTypeName + "\"/> models the server answered, in its order.",
            OperationResponseKind.Map => "The <see cref=\"" + response.TargetTypeName + "\"/> models of the server's name-keyed answer, in ordinal name order.",
            OperationResponseKind.Scalar => "The server's answer; null when it sent none.",
            OperationResponseKind.Stream => "The response body as a stream, not buffered: dispose it when done.",
            _ => string.Empty,
        };

        /// <summary>"<c>POST /a</c>" or "<c>GET /v1/a</c> (server 5.99 and older), <c>GET /v2/a</c> (server 6.0 and newer)".</summary>
        private static string RouteText(RouteSpec route)
        {
            var parts = new List<string>(route.Variants.Count);
            foreach (var v in route.Variants)
            {
                string text = "<c>" + CSharp.Xml(v.Method + " " + v.Template) + "</c>";
                if (v.MinServerVersion is not null && v.MaxServerVersion is not null) text += " (server " + v.MinServerVersion + " to " + v.MaxServerVersion + ")";
                else if (v.MinServerVersion is not null) text += " (server " + v.MinServerVersion + " and newer)";
                else if (v.MaxServerVersion is not null) text += " (server " + v.MaxServerVersion + " and older)";
                parts.Add(text);
            }
            return string.Join(", ", parts);
        }

        private static string RouteSet(RouteSpec route)
        {
            var variants = new List<string>(route.Variants.Count);
            foreach (var v in route.Variants)
            {
                variants.Add("new " + TypeNames.Modeling + "CbRoute(" + CSharp.Literal(v.Method) + ", " + CSharp.Literal(v.Template) + ", "
                    + CSharp.Literal(v.MinServerVersion) + ", " + CSharp.Literal(v.MaxServerVersion) + ")");
            }
            return "new " + TypeNames.Modeling + "CbRouteSet(" + string.Join(", ", variants) + ")";
        }

        private static string ReturnType(OperationResponseSpec response) => response.Kind switch
        {
            OperationResponseKind.Model => response.TargetTypeName,
            OperationResponseKind.List or OperationResponseKind.Map => TypeNames.ListType + "<" + response.TargetTypeName + ">",
            OperationResponseKind.Scalar => response.ScalarType + "?",
            OperationResponseKind.Stream => "global::System.IO.Stream",
            _ => string.Empty,
        };

        private static string ScalarReader(string type) => type switch
        {
            "int" => "ReadInt32",
            "long" => "ReadInt64",
            "double" => "ReadDouble",
            "bool" => "ReadBoolean",
            _ => "ReadString",
        };

        /// <summary>Parameters the caller must pass first, then those with a default or optional, each group in spec order.</summary>
        private static List<OperationParameterSpec> Ordered(EquatableArray<OperationParameterSpec> parameters)
        {
            var ordered = new List<OperationParameterSpec>(parameters.Count);
            foreach (var p in parameters)
            {
                if (!p.Optional && p.DefaultLiteral is null) ordered.Add(p);
            }
            foreach (var p in parameters)
            {
                if (p.Optional || p.DefaultLiteral is not null) ordered.Add(p);
            }
            return ordered;
        }

        private static string Signature(List<OperationParameterSpec> parameters, bool isStatic, bool withDefaults)
        {
            var parts = new List<string>(parameters.Count + 2);
            if (isStatic)
            {
                parts.Add(TypeNames.Modeling + "ICbModelSession client");
            }
            foreach (var p in parameters)
            {
                string type = ClrType(p.Type) + (p.Optional || p.Type == "json" ? "?" : string.Empty);
                string tail = !withDefaults ? string.Empty : p.Optional ? " = null" : p.DefaultLiteral is null ? string.Empty : " = " + p.DefaultLiteral;
                parts.Add(type + " " + p.CSharpName + tail);
            }
            parts.Add(TypeNames.CancellationToken + " " + Ct + (withDefaults ? " = default" : string.Empty));
            return string.Join(", ", parts);
        }

        private static string Arguments(List<OperationParameterSpec> parameters, bool isStatic)
        {
            var builder = new System.Text.StringBuilder();
            if (isStatic)
            {
                builder.Append("client, ");
            }
            foreach (var p in parameters)
            {
                builder.Append(p.CSharpName).Append(", ");
            }
            return builder.ToString();
        }

        private static bool HasSegments(List<OperationParameterSpec> parameters)
        {
            foreach (var p in parameters)
            {
                if (p.Type == "segments") return true;
            }
            return false;
        }

        private static string ClrType(string type) => type switch
        {
            "segments" => "string",
            "list<string>" => "global::System.Collections.Generic.IEnumerable<string>",
            "list<int>" => "global::System.Collections.Generic.IEnumerable<int>",
            "json" => "global::System.Text.Json.Nodes.JsonNode",
            "members" => "global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, global::System.Text.Json.Nodes.JsonNode?>>",
            "stream" => "global::System.IO.Stream",
            _ => type,
        };

        /// <summary>The text of a scalar parameter for a route or query value.</summary>
        private static string TextOf(OperationParameterSpec p, string expression) => p.Type switch
        {
            "string" or "segments" => expression,
            "int" or "long" or "double" or "bool" => Ops + "Text(" + expression + ")",
            _ => expression,
        };

        private static OperationParameterSpec? Find(List<OperationParameterSpec> parameters, string name, ParameterLocation location)
        {
            foreach (var p in parameters)
            {
                if (p.Name == name && p.In == location) return p;
            }
            return null;
        }

    }
}
