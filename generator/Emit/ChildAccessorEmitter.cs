using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// A child list's accessors on its parent (<c>query.parent.accessor</c>): extension methods in the child's
    /// assembly, so a consumer's child of a built-in model (Sensor) gets <c>sensor.Select{Accessor}()</c> and
    /// <c>sensor.Get{Accessor}Async()</c> as a child of its own models does. The parent's key fills the list route; no
    /// filter string is written by hand.
    /// </summary>
    internal static class ChildAccessorEmitter
    {
        /// <summary>The static class holding the accessors: <c>{Child}Extensions</c>.</summary>
        public static string ClassName(ModelSpec model) => model.Name + "Extensions";

        public static bool Applies(ModelSpec model) =>
            model.Query.Kind == QueryKind.ChildList && model.Query.Parent is { Accessor: not null, TargetTypeName.Length: > 0 };

        public static string Emit(ModelSpec model)
        {
            QueryParentSpec parent = model.Query.Parent!;
            string parentType = parent.TargetTypeName;
            string child = model.FullTypeName;
            string accessor = parent.Accessor!;
            string query = TypeNames.Modeling + "ICbQuery<" + child + ">";
            string listRoute = model.Routes.List is { Variants.Count: > 0 } list
                ? " (<c>" + CSharp.XmlInline(list.Variants[0].Method + " " + list.Variants[0].Template) + "</c>)"
                : string.Empty;

            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            CSharp.Summary(w, "The <see cref=\"" + CSharp.Xml(model.Name) + "\"/> objects under their parent, as methods of the parent.");
            w.Open("public static class " + ClassName(model));
            CSharp.Summary(w, "The <see cref=\"" + child + "\"/> objects under this <see cref=\"" + parentType + "\"/>" + listRoute
                + ": a query (no request until it runs); the parent's key fills the route.");
            w.Line("/// <param name=\"parent\">The parent, attached to a client.</param>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The parent is not attached to a client, or has no key.</exception>");
            w.Open("public static " + query + " Select" + accessor + "(this " + parentType + " parent)");
            w.Line("global::System.ArgumentNullException.ThrowIfNull(parent);");
            w.Line("var client = parent.Client ?? throw new global::System.InvalidOperationException("
                + CSharp.Literal("Select" + accessor + " needs a client: get the parent through a CbResponseClient (or set Client) first.") + ");");
            w.Line("string key = parent.GetKeyString() ?? throw new global::System.InvalidOperationException("
                + CSharp.Literal("Select" + accessor + " needs the parent's key; this parent has none.") + ");");
            w.Line("return client.Select<" + child + ">().Where(" + TypeNames.Modeling + "CbQueryTerm.Raw(" + CSharp.Literal(parent.Field + ":") + " + key));");
            w.Close();
            w.Line();
            CSharp.Summary(w, "Lists the <see cref=\"" + child + "\"/> objects under this <see cref=\"" + parentType + "\"/>" + listRoute + ".");
            w.Line("/// <param name=\"parent\">The parent, attached to a client.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The parent is not attached to a client, or has no key.</exception>");
            w.Open("public static async " + TypeNames.Task + "<" + TypeNames.ListType + "<" + child + ">> Get" + accessor + "Async(this " + parentType + " parent, "
                + TypeNames.CancellationToken + " cancellationToken = default)");
            w.Line("return await Select" + accessor + "(parent).ToListAsync(cancellationToken).ConfigureAwait(false);");
            w.Close();
            w.Line();
            CSharp.Summary(w, "Lists the <see cref=\"" + child + "\"/> objects under this <see cref=\"" + parentType + "\"/> (synchronous twin of <see cref=\"Get"
                + accessor + "Async\"/>).");
            w.Line("/// <param name=\"parent\">The parent, attached to a client.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
            w.Line("public static " + TypeNames.ListType + "<" + child + "> Get" + accessor + "(this " + parentType + " parent, " + TypeNames.CancellationToken + " cancellationToken = default) =>");
            w.Indent();
            w.Line(TypeNames.Modeling + "CbOperations.Run(__ct => Get" + accessor + "Async(parent, __ct), cancellationToken);");
            w.Unindent();
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
