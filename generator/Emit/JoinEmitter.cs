using System.Text;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// Join accessors, all through the model's <c>Client</c> (its session and identity cache):
    /// a to-one join gives <c>Get{Join}Async</c> (fetches the target, null when the key field is empty) and a
    /// <c>{Join}</c> property (a lazy reference, no I/O; also for a composite key, unless the key needs the server's
    /// version or the join has a <c>when:</c> condition); a to-many join gives a <c>{Join}</c> query built from its
    /// template with this model's values escaped for the query language.
    /// </summary>
    internal static class JoinEmitter
    {
        public static string Emit(ModelSpec model)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            w.Open("partial class " + model.Name);
            for (int j = 0; j < model.Joins.Count; j++)
            {
                if (j > 0)
                {
                    w.Line();
                }
                JoinSpec join = model.Joins[j];
                if (join.Kind == JoinKind.ToOne)
                {
                    WriteToOne(w, model, join);
                }
                else
                {
                    WriteToMany(w, join);
                }
            }
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static void WriteToOne(CodeWriter w, ModelSpec model, JoinSpec join)
        {
            if (join.KeyParts.Count > 1 || join.WhenField is not null)
            {
                WriteToOneComposite(w, model, join);
                return;
            }
            string target = join.TargetTypeName;
            string doc = join.Doc is null ? string.Empty : " " + CSharp.Xml(join.Doc);
            string keyExpr = "GetFieldText(" + CSharp.Literal(join.Via) + ")";
            CSharp.Summary(w, "Fetches the <see cref=\"" + target + "\"/> whose key is in <c>" + CSharp.Xml(join.Via!) + "</c> (null when it is empty)." + doc);
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">This instance is not attached to a client.</exception>");
            w.Open("public async " + TypeNames.Task + "<" + target + "?> Get" + join.PropertyName + "Async(" + TypeNames.CancellationToken
                + " cancellationToken = default)");
            w.Line("string? key = " + keyExpr + ";");
            w.Line("return key is null ? null : await RequireClient().GetAsync<" + target + ">(key, cancellationToken).ConfigureAwait(false);");
            w.Close();
            w.Line();
            CSharp.Summary(w, "The <see cref=\"" + target + "\"/> whose key is in <c>" + CSharp.Xml(join.Via!)
                + "</c>, as a lazy reference (no request until it is refreshed); null when the key is empty or this instance has no client." + doc);
            w.Line("public " + target + "? " + join.PropertyName + " => Client is { } client && " + keyExpr + " is { } key ? client.Select<" + target + ">(key) : null;");
        }

        /// <summary>
        /// A to-one join to a composite key (or with a <c>when:</c> condition): the key string is the parts joined with
        /// <c>/</c>; a part may be the server's default process segment, read from the session's server info.
        /// </summary>
        private static void WriteToOneComposite(CodeWriter w, ModelSpec model, JoinSpec join)
        {
            string target = join.TargetTypeName;
            string doc = join.Doc is null ? string.Empty : " " + CSharp.Xml(join.Doc);
            var described = new StringBuilder();
            foreach (var part in join.KeyParts)
            {
                if (described.Length > 0) described.Append(", ");
                described.Append(part == JoinSpec.DefaultProcessSegment ? "the server's default process segment" : "<c>" + CSharp.Xml(part) + "</c>");
            }
            string condition = join.WhenField is null ? string.Empty
                : "; null unless <c>" + CSharp.Xml(join.WhenField) + "</c> contains <c>" + CSharp.Xml(join.WhenContains!) + "</c>";
            CSharp.Summary(w, "Fetches the <see cref=\"" + target + "\"/> whose key is " + described + " (null when a key field is empty" + condition + ")." + doc);
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">This instance is not attached to a client.</exception>");
            w.Open("public async " + TypeNames.Task + "<" + target + "?> Get" + join.PropertyName + "Async(" + TypeNames.CancellationToken
                + " cancellationToken = default)");
            if (join.WhenField is not null)
            {
                w.Line("if (GetFieldText(" + CSharp.Literal(join.WhenField) + ") is not { } condition || !condition.Contains("
                    + CSharp.Literal(join.WhenContains!) + ", global::System.StringComparison.Ordinal))");
                w.Indent();
                w.Line("return null;");
                w.Unindent();
            }
            var key = new StringBuilder();
            for (int i = 0; i < join.KeyParts.Count; i++)
            {
                string part = join.KeyParts[i];
                if (part == JoinSpec.DefaultProcessSegment) continue;
                w.Line("if (GetFieldText(" + CSharp.Literal(part) + ") is not { Length: > 0 } part" + i + ")");
                w.Indent();
                w.Line("return null;");
                w.Unindent();
            }
            if (join.NeedsServerInfo)
            {
                w.Line("var server = await " + TypeNames.Modeling + "CbOperations.SessionOf(this, " + CSharp.Literal(model.Name + ".Get" + join.PropertyName + "Async")
                    + ").GetServerInfoAsync(cancellationToken).ConfigureAwait(false);");
            }
            for (int i = 0; i < join.KeyParts.Count; i++)
            {
                if (i > 0) key.Append(" + \"/\" + ");
                key.Append(join.KeyParts[i] == JoinSpec.DefaultProcessSegment
                    ? "server.DefaultProcessSegment.ToString(global::System.Globalization.CultureInfo.InvariantCulture)"
                    : "part" + i);
            }
            w.Line("return await RequireClient().GetAsync<" + target + ">(" + key + ", cancellationToken).ConfigureAwait(false);");
            w.Close();
            if (join.NeedsServerInfo || join.WhenField is not null)
            {
                // The key needs the server's version, or the target may not exist: no reference without a request.
                return;
            }
            w.Line();
            CSharp.Summary(w, "The <see cref=\"" + target + "\"/> whose key is " + described
                + ", as a lazy reference (no request until it is refreshed); null when a key field is empty or this instance has no client." + doc);
            var reference = new StringBuilder("Client is { } client");
            for (int i = 0; i < join.KeyParts.Count; i++)
            {
                reference.Append(" && GetFieldText(").Append(CSharp.Literal(join.KeyParts[i])).Append(") is { Length: > 0 } part").Append(i);
            }
            w.Line("public " + target + "? " + join.PropertyName + " => " + reference + " ? client.Select<" + target + ">(" + key + ") : null;");
        }

        private static void WriteToMany(CodeWriter w, JoinSpec join)
        {
            string target = join.TargetTypeName;
            string doc = join.Doc is null ? string.Empty : " " + CSharp.Xml(join.Doc);
            CSharp.Summary(w, "The <see cref=\"" + target + "\"/> models matching <c>" + CSharp.Xml(join.Query!) + "</c> for this instance." + doc);
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">This instance is not attached to a client, or a template field is empty.</exception>");
            w.Line("public " + TypeNames.Modeling + "ICbQuery<" + target + "> " + join.PropertyName + " =>");
            w.Indent();
            w.Line("RequireClient().Select<" + target + ">().Where(" + TypeNames.Modeling + "CbQueryTerm.Raw(" + TemplateExpression(join) + "));");
            w.Unindent();
        }

        /// <summary>An interpolated-string-free concatenation that fills the template's placeholders with escaped values.</summary>
        private static string TemplateExpression(JoinSpec join)
        {
            string template = join.Query!;
            var parts = new StringBuilder();
            int i = 0;
            while (i < template.Length)
            {
                int open = template.IndexOf('{', i);
                if (open < 0)
                {
                    Append(parts, CSharp.Literal(template.Substring(i)));
                    break;
                }
                int close = template.IndexOf('}', open);
                if (open > i)
                {
                    Append(parts, CSharp.Literal(template.Substring(i, open - i)));
                }
                string field = template.Substring(open + 1, close - open - 1);
                Append(parts, TypeNames.Modeling + "CbQueryEscaper.Escape(" + "GetFieldText(" + CSharp.Literal(field)
                    + ") ?? throw new global::System.InvalidOperationException(" + CSharp.Literal("The join needs a value in " + field + ".") + "))");
                i = close + 1;
            }
            return parts.Length == 0 ? "\"\"" : parts.ToString();
        }

        private static void Append(StringBuilder parts, string expression)
        {
            if (parts.Length > 0)
            {
                parts.Append(" + ");
            }
            parts.Append(expression);
        }
    }
}
