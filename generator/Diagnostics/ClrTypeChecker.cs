using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CbTyped.Generator.Model;
using CbTyped.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CbTyped.Generator.Diagnostics
{
    /// <summary>
    /// CBT0032: a <c>clr:</c> type that the compilation cannot resolve. This runs in a diagnostics-only branch of the
    /// pipeline; emitted code never depends on the compilation, so a C# edit re-runs only this lookup.
    /// </summary>
    internal static class ClrTypeChecker
    {
        private const string GlobalPrefix = "global::";

        /// <summary>Every <c>clr:</c> type of one parsed spec (also inside <c>list&lt;…&gt;</c> and <c>map&lt;…&gt;</c>).</summary>
        public static EquatableArray<ClrTypeUse> Uses(ParseResult result)
        {
            var model = result.Model;
            if (model is null) return EquatableArray<ClrTypeUse>.Empty;
            var uses = new List<ClrTypeUse>();
            foreach (var field in model.Fields)
            {
                Add(uses, result.FilePath, field, new[] { "fields", field.JsonName, "type" }, "fields." + field.JsonName);
            }
            foreach (var type in model.Types)
            {
                foreach (var field in type.Fields)
                {
                    Add(uses, result.FilePath, field, new[] { "types", type.Name, "fields", field.JsonName, "type" },
                        "types." + type.Name + ".fields." + field.JsonName);
                }
            }
            return uses.ToEquatableArray();
        }

        private static void Add(List<ClrTypeUse> uses, string specPath, FieldSpec field, string[] keyPath, string fieldPath)
        {
            for (var type = field.Type; type is not null; type = type.Element)
            {
                if (type.Kind == FieldKind.Clr && type.ClrTypeName is not null)
                {
                    uses.Add(new ClrTypeUse(specPath, keyPath.ToEquatableArray(), fieldPath, type.ClrTypeName));
                }
            }
        }

        /// <summary>The uses whose type the compilation (its sources and references) does not declare.</summary>
        public static EquatableArray<ClrTypeUse> FindUnresolved(ImmutableArray<EquatableArray<ClrTypeUse>> all, Compilation compilation, CancellationToken cancellationToken)
        {
            var unresolved = new List<ClrTypeUse>();
            var known = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var uses in all)
            {
                foreach (var use in uses)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!known.TryGetValue(use.TypeName, out var resolves))
                    {
                        resolves = ResolvesSafely(compilation, use.TypeName);
                        known.Add(use.TypeName, resolves);
                    }
                    if (!resolves) unresolved.Add(use);
                }
            }
            // Sorted, so the result (and the diagnostics) do not depend on the order files arrive in.
            unresolved.Sort(static (a, b) =>
            {
                int byPath = string.CompareOrdinal(a.SpecPath, b.SpecPath);
                return byPath != 0 ? byPath : string.CompareOrdinal(a.FieldPath, b.FieldPath);
            });
            return unresolved.ToEquatableArray();
        }

        /// <summary>A lookup that throws counts as resolved: the check is advisory and must never fail the generator,
        /// and the compiler still reports a type that really is missing.</summary>
        private static bool ResolvesSafely(Compilation compilation, string typeName)
        {
            try
            {
                return Resolves(compilation, typeName);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return true;
            }
        }

        /// <summary>
        /// True when <c>A.B.C</c> names a type as C# would read <c>global::A.B.C</c>: tried as metadata names
        /// <c>A.B.C</c>, then <c>A.B+C</c>, <c>A+B+C</c> (the rightmost parts being nested types). Generic types cannot
        /// be written after <c>clr:</c> (the parser refuses <c>&lt;</c> and backticks), so no arity is tried.
        /// </summary>
        internal static bool Resolves(Compilation compilation, string typeName)
        {
            string name = typeName.StartsWith(GlobalPrefix, StringComparison.Ordinal) ? typeName.Substring(GlobalPrefix.Length) : typeName;
            var parts = name.Split('.');
            for (int nested = 0; nested < parts.Length; nested++)
            {
                int namespaceParts = parts.Length - 1 - nested;
                string outer = string.Join(".", parts, 0, namespaceParts);
                string types = string.Join("+", parts, namespaceParts, nested + 1);
                string metadataName = outer.Length == 0 ? types : outer + "." + types;
                // GetTypesByMetadataName, not GetTypeByMetadataName: the latter is null when two references declare the type.
                if (!compilation.GetTypesByMetadataName(metadataName).IsEmpty) return true;
            }
            return false;
        }

        /// <summary>CBT0032 for each unresolved use, at the type's value in the spec.</summary>
        public static EquatableArray<DiagnosticInfo> Diagnostics(EquatableArray<ClrTypeUse> unresolved, ImmutableArray<SpecFile> files)
        {
            if (unresolved.IsEmpty) return EquatableArray<DiagnosticInfo>.Empty;
            var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var file in files) texts[file.Path] = file.Text;
            var diagnostics = new List<DiagnosticInfo>(unresolved.Count);
            foreach (var use in unresolved)
            {
                texts.TryGetValue(use.SpecPath, out var text);
                var span = text is null ? SpecSpan.FileStart : SpecLocator.Locate(text, use.KeyPath.ToArray());
                string written = use.TypeName.StartsWith(GlobalPrefix, StringComparison.Ordinal) ? use.TypeName.Substring(GlobalPrefix.Length) : use.TypeName;
                diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.ClrTypeNotFound.Id, use.SpecPath, span,
                    EquatableArray.Create(written, use.FieldPath)));
            }
            return diagnostics.ToEquatableArray();
        }
    }
}
