namespace CbTyped.Generator.Model
{
    /// <summary>One <c>clr:</c> type a spec names: what the compilation check needs, and nothing of the compilation.</summary>
    /// <param name="SpecPath">The spec file's path.</param>
    /// <param name="KeyPath">Keys down to the field's type value (<c>fields, json_name, type</c>), to position a diagnostic.</param>
    /// <param name="FieldPath">The field as a diagnostic names it, e.g. <c>fields.uptime_span</c>.</param>
    /// <param name="TypeName">The type as the generated code writes it: <c>global::</c>-qualified, dotted.</param>
    /// <remarks>No line or column: a comment that moves the field leaves this record equal, so the check is not re-run;
    /// the position is looked up in the spec's text only for a type that does not resolve.</remarks>
    public sealed record ClrTypeUse(string SpecPath, EquatableArray<string> KeyPath, string FieldPath, string TypeName);
}
