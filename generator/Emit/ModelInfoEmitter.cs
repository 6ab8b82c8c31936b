using System.Collections.Generic;
using System.Linq;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// The static <c>ModelInfo</c> implementing <c>ICbModel&lt;TSelf&gt;</c>: key, routes with their server-version
    /// variants, query kind and defaults, the field and join tables, and the key accessor the runtime calls.
    /// </summary>
    internal static class ModelInfoEmitter
    {
        public static string Emit(ModelSpec model, TypeNames names)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            w.Open("partial class " + model.Name);
            w.Line("/// <summary>What the runtime needs to fetch, query, save and delete a <see cref=\"" + model.Name + "\"/>.</summary>");
            w.Line("public static " + TypeNames.Modeling + "CbModelInfo<" + names.ModelType + "> ModelInfo { get; } = new(");
            w.Indent();
            w.Line(CSharp.Literal(model.Name) + ",");
            WriteKey(w, model.Key);
            WriteRoutes(w, model.Routes);
            WriteQuery(w, model.Query);
            WriteFieldTable(w, model.Fields, names, model.Key);
            w.Line(",");
            WriteJoins(w, model.Joins);
            w.Line(",");
            w.Line("static model => model.GetKeyCore());");
            w.Unindent();
            w.Line();
            w.Line("/// <summary>A new, empty instance.</summary>");
            w.Line("public static " + names.ModelType + " CreateInstance() => new " + names.ModelType + "();");
            w.Line();
            w.Line("/// <inheritdoc />");
            w.Line("protected override " + TypeNames.Modeling + "CbTypeInfo TypeDescription => ModelInfo;");
            w.Line();
            WriteGetKeyCore(w, model, names);
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void WriteKey(CodeWriter w, KeySpec key)
        {
            string fields = "[" + string.Join(", ", key.Fields.Select(CSharp.Literal)) + "]";
            w.Line("new " + TypeNames.Modeling + "CbKeyInfo(" + fields + ", " + TypeNames.Modeling + "CbKeyNormalization." + key.Normalize
                + ", " + Bool(key.SentOnCreate) + "),");
        }

        private static void WriteRoutes(CodeWriter w, RoutesSpec routes)
        {
            w.Line("new " + TypeNames.Modeling + "CbRoutes(");
            w.Indent();
            w.Line("list: " + RouteSet(routes.List) + ",");
            w.Line("get: " + RouteSet(routes.Get) + ",");
            w.Line("create: " + RouteSet(routes.Create) + ",");
            w.Line("update: " + RouteSet(routes.Update) + ",");
            w.Line("delete: " + RouteSet(routes.Delete) + ",");
            string createBody = (routes.CreateAsArray ? ", createAsArray: true" : string.Empty) + (routes.GetFromList ? ", getFromList: true" : string.Empty);
            if (routes.Extra.IsEmpty)
            {
                w.Line("extra: null" + createBody + "),");
            }
            else
            {
                w.Line("extra: new global::System.Collections.Generic.Dictionary<string, " + TypeNames.Modeling + "CbRouteSet>(global::System.StringComparer.Ordinal)");
                w.Line("{");
                w.Indent();
                foreach (RouteSpec extra in routes.Extra.OrderBy(r => r.Name, System.StringComparer.Ordinal))
                {
                    w.Line("[" + CSharp.Literal(extra.Name) + "] = " + RouteSet(extra) + ",");
                }
                w.Unindent();
                w.Line("}" + createBody + "),");
            }
            w.Unindent();
        }

        private static string RouteSet(RouteSpec? route)
        {
            if (route is null)
            {
                return "null";
            }
            var variants = route.Variants.Select(v =>
                "new " + TypeNames.Modeling + "CbRoute(" + CSharp.Literal(v.Method) + ", " + CSharp.Literal(v.Template) + ", "
                + CSharp.Literal(v.MinServerVersion) + ", " + CSharp.Literal(v.MaxServerVersion) + ")");
            return "new " + TypeNames.Modeling + "CbRouteSet(" + string.Join(", ", variants) + ")";
        }

        private static void WriteQuery(CodeWriter w, QuerySpec query)
        {
            string parameters = "[" + string.Join(", ", query.Parameters.Select(CSharp.Literal)) + "]";
            w.Line("new " + TypeNames.Modeling + "CbQueryInfo(");
            w.Indent();
            w.Line(TypeNames.Modeling + "CbQueryKind." + query.Kind + ",");
            w.Line("parameters: " + parameters + ",");
            w.Line("parentModel: " + CSharp.Literal(query.Parent?.TargetTypeName) + ",");
            w.Line("parentField: " + CSharp.Literal(query.Parent?.Field) + ",");
            w.Line("defaultSort: " + CSharp.Literal(query.DefaultSort) + ",");
            string pageSize = "pageSize: " + (query.PageSize is int size ? CSharp.Int(size) : "null");
            if (query.SendsLegacy5xMode)
            {
                w.Line(pageSize + ",");
                w.Line("sendsLegacy5xMode: true),");
            }
            else
            {
                w.Line(pageSize + "),");
            }
            w.Unindent();
        }

        /// <summary>Writes a collection expression of <c>CbFieldInfo</c> (no trailing comma or newline terminator).</summary>
        public static void WriteFieldTable(CodeWriter w, IReadOnlyList<FieldSpec> fields, TypeNames names, KeySpec? key)
        {
            if (fields.Count == 0)
            {
                w.Line("[]");
                return;
            }
            w.Line("[");
            w.Indent();
            foreach (FieldSpec field in fields)
            {
                bool isKey = key is not null && key.Fields.Contains(field.JsonName);
                FieldTypeSpec inner = FieldCodec.Innermost(field.Type);
                string? clrName = inner.Kind switch
                {
                    FieldKind.Enum => names.Enum(inner.EnumTypeName!),
                    FieldKind.Nested => names.Nested(inner.NestedTypeName!),
                    FieldKind.Clr => inner.ClrTypeName,
                    _ => null,
                };
                w.Line("new " + TypeNames.Modeling + "CbFieldInfo(" + CSharp.Literal(field.JsonName) + ", " + CSharp.Literal(field.PropertyName)
                    + ", " + FieldCodec.RuntimeFieldType(field.Type) + ", " + FieldCodec.RuntimeShape(field.Type)
                    + ", clrTypeName: " + CSharp.Literal(clrName)
                    + ", isNullable: " + Bool(field.Nullable)
                    + ", isReadOnly: " + Bool(field.ReadOnly)
                    + ", isRequiredOnCreate: " + Bool(field.RequiredOnCreate)
                    + ", isKey: " + Bool(isKey)
                    + ", isSentOnCreate: " + Bool(isKey && key!.SentOnCreate)
                    + ", searchName: " + CSharp.Literal(field.SearchName)
                    + ", isSortable: " + Bool(field.Sortable)
                    + ", isFacet: " + Bool(field.Facet)
                    + ", doc: " + CSharp.Literal(field.Doc) + "),");
            }
            w.Unindent();
            w.Line("]");
        }

        private static void WriteJoins(CodeWriter w, EquatableArray<JoinSpec> joins)
        {
            if (joins.Count == 0)
            {
                w.Line("[]");
                return;
            }
            w.Line("[");
            w.Indent();
            foreach (JoinSpec join in joins)
            {
                // A composite key keeps every part (the first alone would name half a key).
                string via = join.KeyParts.Count > 1
                    ? "viaParts: new string[] { " + string.Join(", ", join.KeyParts.Select(p => CSharp.Literal(p))) + " }"
                    : "via: " + CSharp.Literal(join.Via);
                w.Line("new " + TypeNames.Modeling + "CbJoinInfo(" + CSharp.Literal(join.Name) + ", " + TypeNames.Modeling + "CbJoinKind." + join.Kind
                    + ", " + CSharp.Literal(join.TargetTypeName) + ", " + via + ", queryTemplate: " + CSharp.Literal(join.Query) + "),");
            }
            w.Unindent();
            w.Line("]");
        }

        private static void WriteGetKeyCore(CodeWriter w, ModelSpec model, TypeNames names)
        {
            w.Line("/// <inheritdoc />");
            if (model.Key.Fields.IsEmpty)
            {
                w.Line("protected override string? GetKeyCore() => null;");
                return;
            }
            w.Open("protected override string? GetKeyCore()");
            var parts = new List<string>();
            for (int k = 0; k < model.Key.Fields.Count; k++)
            {
                string jsonName = model.Key.Fields[k];
                int index = IndexOf(model.Fields, jsonName);
                FieldSpec field = model.Fields[index];
                string part = "__key" + CSharp.Int(k);
                w.Line("string? " + part + " = " + FieldCodec.Format(field, names, field.PropertyName, k == 0 ? "__v" : "__v" + CSharp.Int(k)) + ";");
                w.Open("if (" + part + " is null)");
                w.Line("return null;");
                w.Close();
                w.Line();
                parts.Add(part);
            }
            w.Line("return " + string.Join(" + \"/\" + ", parts) + ";");
            w.Close();
        }

        public static int IndexOf(IReadOnlyList<FieldSpec> fields, string jsonName)
        {
            for (int i = 0; i < fields.Count; i++)
            {
                if (fields[i].JsonName == jsonName)
                {
                    return i;
                }
            }
            throw new System.InvalidOperationException("The key field " + jsonName + " is not a field.");
        }

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
