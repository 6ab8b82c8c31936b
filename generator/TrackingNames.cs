namespace CbTyped.Generator
{
    /// <summary>Names of the generator's pipeline steps (public so tests can inspect tracked steps).</summary>
    public static class TrackingNames
    {
        /// <summary>MSBuild options → <c>GeneratorOptions</c>.</summary>
        public const string Options = "CbTyped.Options";
        /// <summary>Spec files (path + text) picked from the additional files.</summary>
        public const string SpecFiles = "CbTyped.SpecFiles";
        /// <summary>Per file: text → <c>ParseResult</c>.</summary>
        public const string Parse = "CbTyped.Parse";
        /// <summary>Per file: the parse diagnostics.</summary>
        public const string ParseDiagnostics = "CbTyped.ParseDiagnostics";
        /// <summary>All parse results, sorted by path.</summary>
        public const string AllSpecs = "CbTyped.AllSpecs";
        /// <summary>Cross-spec validation: duplicate models, join targets.</summary>
        public const string CrossValidate = "CbTyped.CrossValidate";
        /// <summary>The cross-spec diagnostics.</summary>
        public const string CrossDiagnostics = "CbTyped.CrossDiagnostics";
        /// <summary>One validated <c>ModelSpec</c> per model.</summary>
        public const string Models = "CbTyped.Models";
        /// <summary>Per model: the generated sources.</summary>
        public const string Emit = "CbTyped.Emit";
        /// <summary>Per file: the <c>clr:</c> types it names (diagnostics only).</summary>
        public const string ClrTypeUses = "CbTyped.ClrTypeUses";
        /// <summary>The <c>clr:</c> types the compilation does not resolve; the one step a C# edit re-runs.</summary>
        public const string ClrTypeCheck = "CbTyped.ClrTypeCheck";
        /// <summary>CBT0032 for each unresolved <c>clr:</c> type, positioned in its spec.</summary>
        public const string ClrTypeDiagnostics = "CbTyped.ClrTypeDiagnostics";
        /// <summary>Whether the project set <c>CbTypedCmdletsOnly</c> to true (models from a referenced assembly: no model is emitted).</summary>
        public const string CmdletsOnly = "CbTyped.CmdletsOnly";
        /// <summary>The models <c>CbTypedCmdletModels</c> names (empty: all).</summary>
        public const string CmdletModels = "CbTyped.CmdletModels";
        /// <summary>Whether the project set <c>CbTypedEmitCmdlets</c> (or <c>CbTypedCmdletsOnly</c>) to true.</summary>
        public const string CmdletsOptedIn = "CbTyped.CmdletsOptedIn";
        /// <summary>Whether the compilation references System.Management.Automation and CbTyped.PowerShell (re-run on every C# edit).</summary>
        public const string CmdletsCanCompile = "CbTyped.CmdletsCanCompile";
        /// <summary>Both of the above.</summary>
        public const string CmdletsEnabled = "CbTyped.CmdletsEnabled";
        /// <summary>Per model: the PowerShell cmdlets' sources (none unless enabled).</summary>
        public const string EmitCmdlets = "CbTyped.EmitCmdlets";
    }
}
