namespace CbTyped.Generator.Model
{
    /// <summary>MSBuild-level options (from <c>build_property.*</c>). Spec-level values win over these.</summary>
    /// <param name="RootNamespace">The project's RootNamespace, or null.</param>
    /// <param name="DefaultNamespace">CbTypedDefaultNamespace, or null.</param>
    public sealed record GeneratorOptions(string? RootNamespace, string? DefaultNamespace)
    {
        /// <summary>Used when neither the spec nor MSBuild names a namespace.</summary>
        public const string FallbackNamespace = "CbTyped.Models";

        /// <summary>The namespace a spec without <c>namespace:</c> gets.</summary>
        public string EffectiveDefaultNamespace =>
            !string.IsNullOrWhiteSpace(DefaultNamespace) ? DefaultNamespace!.Trim()
            : !string.IsNullOrWhiteSpace(RootNamespace) ? RootNamespace!.Trim()
            : FallbackNamespace;
    }
}
