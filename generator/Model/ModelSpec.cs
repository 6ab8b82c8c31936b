namespace CbTyped.Generator.Model
{
    /// <summary>
    /// One model, as read from one spec file. After cross-spec validation every join's and the child-list parent's
    /// target type names are filled in, so an emitter needs nothing but this record.
    /// </summary>
    /// <param name="Name">C# class name (the spec's <c>model:</c>).</param>
    /// <param name="Namespace">C# namespace (spec, else CbTypedDefaultNamespace, else RootNamespace).</param>
    /// <param name="Doc">Doc text for the XML summary, or null.</param>
    /// <param name="Key">Primary key; <see cref="KeySpec.Fields"/> is empty for models without a key (singletons).</param>
    /// <param name="Query">How the model is queried.</param>
    /// <param name="Routes">HTTP routes.</param>
    /// <param name="Fields">Fields in spec order.</param>
    /// <param name="Types">Nested object types declared under <c>types:</c>, in spec order.</param>
    /// <param name="Joins">Joins to other models, in spec order.</param>
    /// <param name="SearchFields">Query-language fields that are not document fields (<c>searchFields:</c>), in spec order.</param>
    /// <param name="SpecFileName">The spec's file name without folders (e.g. <c>Sensor.model.yaml</c>), for generated comments.</param>
    /// <param name="SpecPath">The spec's full path, for diagnostics only (never written into generated code, which
    /// must not depend on where the project is checked out).</param>
    /// <param name="Operations">Operations declared under <c>operations:</c>, in spec order.</param>
    /// <param name="PowerShell">The spec's <c>powershell:</c> block (cmdlet hints), or null.</param>
    public sealed record ModelSpec(
        string Name,
        string Namespace,
        string? Doc,
        KeySpec Key,
        QuerySpec Query,
        RoutesSpec Routes,
        EquatableArray<FieldSpec> Fields,
        EquatableArray<NestedTypeSpec> Types,
        EquatableArray<JoinSpec> Joins,
        EquatableArray<SearchFieldSpec> SearchFields,
        string SpecFileName,
        string SpecPath,
        EquatableArray<OperationSpec> Operations = default,
        PowerShellModelSpec? PowerShell = null)
    {
        /// <summary><c>global::Namespace.Name</c>.</summary>
        public string FullTypeName => "global::" + Namespace + "." + Name;
    }
}
