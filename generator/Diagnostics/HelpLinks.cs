namespace CbTyped.Generator.Diagnostics
{
    /// <summary>
    /// Where a diagnostic's help link points: the published spec format, not a path only a clone of the repository has.
    /// <see cref="ProjectUrl"/> is the project's public home, the same as <c>CbTypedProjectUrl</c> in
    /// Directory.Build.props (the package's project URL); a packaging test fails when the two differ.
    /// </summary>
    public static class HelpLinks
    {
        public const string ProjectUrl = "https://github.com/cbtyped/cbtyped";

        /// <summary>The spec format's table of CBT diagnostics.</summary>
        public const string SpecDiagnostics = ProjectUrl + "/blob/main/docs/spec-format.md#diagnostics";

        /// <summary>The query language's table of the query analyzer's diagnostics (CBT0100-CBT0119).</summary>
        public const string QueryDiagnostics = ProjectUrl + "/blob/main/docs/query-language.md#query-string-diagnostics";

        /// <summary>The query language's page; each query-analyzer rule has a section there (<c>#cbt0101</c>).</summary>
        public const string QueryLanguage = ProjectUrl + "/blob/main/docs/query-language.md";

        /// <summary>The spec format's page.</summary>
        public const string SpecFormat = ProjectUrl + "/blob/main/docs/spec-format.md";
    }
}
