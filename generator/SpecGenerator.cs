using System;
using System.Collections.Immutable;
using System.Linq;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Emit;
using CbTyped.Generator.Model;
using CbTyped.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CbTyped.Generator
{
    /// <summary>Turns *.model.yaml / *.model.json spec files into typed models.</summary>
    /// <remarks>
    /// Pipeline: spec files → parse each (records only) → collect, sorted by path → cross-spec validation → one
    /// ModelSpec per model → emit. Diagnostics are reported from their own output nodes so a model's output never
    /// depends on them. Every step catches exceptions and turns them into CBT9999: the generator never throws. A separate
    /// diagnostics-only branch (CBT0032) is the one that sees the compilation; nothing emitted depends on it.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class SpecGenerator : IIncrementalGenerator
    {
        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => ReadOptions(provider.GlobalOptions))
                .WithTrackingName(TrackingNames.Options);

            var specFiles = context.AdditionalTextsProvider
                .Where(static text => IsSpecFile(text.Path))
                .Select(static (text, ct) => new SpecFile(text.Path, text.GetText(ct)?.ToString()))
                .WithTrackingName(TrackingNames.SpecFiles);

            var parsed = specFiles
                .Combine(options)
                .Select(static (pair, _) => ParseSafely(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Parse);

            var parseDiagnostics = parsed
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.ParseDiagnostics);
            context.RegisterSourceOutput(parseDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

            // The texts ride along only so a cross-spec diagnostic can be positioned; valid specs never re-read them.
            var cross = parsed
                .Collect()
                .Select(static (all, _) => SortByPath(all))
                .WithTrackingName(TrackingNames.AllSpecs)
                .Combine(specFiles.Collect())
                .Select(static (pair, _) => ValidateSafely(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.CrossValidate);

            var crossDiagnostics = cross
                .Select(static (result, _) => result.Diagnostics)
                .WithTrackingName(TrackingNames.CrossDiagnostics);
            context.RegisterSourceOutput(crossDiagnostics, static (spc, diagnostics) => Report(spc, diagnostics));

            var models = cross
                .SelectMany(static (result, _) => result.Models)
                .WithTrackingName(TrackingNames.Models);

            // Cmdlets only: the models compile in a referenced assembly (CbTyped.Response for the CbTyped.PowerShell
            // module); this project reads their specs for the cmdlets and must not define the model types again.
            var cmdletsOnly = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => IsTrue(provider.GlobalOptions, "build_property.CbTypedCmdletsOnly"))
                .WithTrackingName(TrackingNames.CmdletsOnly);

            var emitted = models
                .Combine(cmdletsOnly)
                .Select(static (pair, _) => pair.Right ? EmitResult.Empty : EmitSafely(pair.Left))
                .WithTrackingName(TrackingNames.Emit);

            context.RegisterSourceOutput(emitted, static (spc, result) =>
            {
                foreach (var source in result.Sources)
                {
                    spc.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
                }
                Report(spc, result.Diagnostics);
            });

            RegisterClrTypeCheck(context, parsed, specFiles);
            RegisterCmdlets(context, models, cmdletsOnly);
        }

        /// <summary>
        /// PowerShell cmdlets per model, opt-in (<c>CbTypedEmitCmdlets=true</c>) and only when the compilation can
        /// compile them (it references System.Management.Automation and CbTyped.PowerShell), so an ordinary SDK user
        /// gets none. The compilation is reduced to one bool at once: a C# edit re-runs that lookup only.
        /// </summary>
        private static void RegisterCmdlets(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ModelSpec> models,
            IncrementalValueProvider<bool> cmdletsOnly)
        {
            // CbTypedCmdletsOnly implies CbTypedEmitCmdlets: a project that reads specs only for cmdlets wants them.
            var optedIn = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => IsTrue(provider.GlobalOptions, "build_property.CbTypedEmitCmdlets"))
                .Combine(cmdletsOnly)
                .Select(static (pair, _) => pair.Left || pair.Right)
                .WithTrackingName(TrackingNames.CmdletsOptedIn);
            // CbTypedCmdletModels: the models that get cmdlets (comma-separated names: the .editorconfig the compiler
            // reads properties from ends a value at a ';'); empty: every model.
            var selected = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => ReadModelList(provider.GlobalOptions))
                .WithTrackingName(TrackingNames.CmdletModels);
            var canCompile = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.Management.Automation.Cmdlet") is not null
                    && compilation.GetTypeByMetadataName("CbTyped.PowerShell.CbCmdlet") is not null)
                .WithTrackingName(TrackingNames.CmdletsCanCompile);
            var enabled = optedIn
                .Combine(canCompile)
                .Select(static (pair, _) => pair.Left && pair.Right)
                .WithTrackingName(TrackingNames.CmdletsEnabled);

            var cmdlets = models
                .Combine(enabled.Combine(selected))
                .Select(static (pair, _) => pair.Right.Left && Selected(pair.Right.Right, pair.Left.Name) ? EmitCmdletsSafely(pair.Left) : EmitResult.Empty)
                .WithTrackingName(TrackingNames.EmitCmdlets);
            context.RegisterSourceOutput(cmdlets, static (spc, result) =>
            {
                foreach (var source in result.Sources)
                {
                    spc.AddSource(source.HintName, SourceText.From(source.Text, System.Text.Encoding.UTF8));
                }
                Report(spc, result.Diagnostics);
            });
        }

        private static readonly char[] ListSeparators = { ';', ',' };

        private static bool IsTrue(AnalyzerConfigOptions global, string key) =>
            global.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        private static EquatableArray<string> ReadModelList(AnalyzerConfigOptions global)
        {
            if (!global.TryGetValue("build_property.CbTypedCmdletModels", out var value) || string.IsNullOrWhiteSpace(value))
            {
                return EquatableArray<string>.Empty;
            }
            return value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries)
                .Select(static name => name.Trim())
                .Where(static name => name.Length > 0)
                .OrderBy(static name => name, StringComparer.Ordinal)
                .ToEquatableArray();
        }

        private static bool Selected(EquatableArray<string> names, string model) =>
            names.IsEmpty || names.Contains(model, StringComparer.Ordinal);

        internal static EmitResult EmitCmdletsSafely(ModelSpec model)
        {
            try
            {
                return new EmitResult(CmdletEmitter.Emit(model), EquatableArray<DiagnosticInfo>.Empty);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new EmitResult(EquatableArray<GeneratedSource>.Empty, EquatableArray.Create(Internal(model.SpecPath, ex)));
            }
        }

        /// <summary>
        /// CBT0032, the one branch that sees the compilation: it only reports, so a C# edit re-runs the type lookup and
        /// nothing else (when no spec's <c>clr:</c> type changes resolution, the lookup's output is unchanged).
        /// </summary>
        private static void RegisterClrTypeCheck(IncrementalGeneratorInitializationContext context,
            IncrementalValuesProvider<ParseResult> parsed, IncrementalValuesProvider<SpecFile> specFiles)
        {
            var uses = parsed
                .Select(static (result, _) => ClrTypeChecker.Uses(result))
                .WithTrackingName(TrackingNames.ClrTypeUses);

            var unresolved = uses
                .Collect()
                .Combine(context.CompilationProvider)
                .Select(static (pair, ct) => ClrTypeChecker.FindUnresolved(pair.Left, pair.Right, ct))
                .WithTrackingName(TrackingNames.ClrTypeCheck);

            var diagnostics = unresolved
                .Combine(specFiles.Collect())
                .Select(static (pair, _) => ClrTypeDiagnosticsSafely(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.ClrTypeDiagnostics);
            context.RegisterSourceOutput(diagnostics, static (spc, all) => Report(spc, all));
        }

        private static EquatableArray<DiagnosticInfo> ClrTypeDiagnosticsSafely(EquatableArray<ClrTypeUse> unresolved, ImmutableArray<SpecFile> files)
        {
            try
            {
                return ClrTypeChecker.Diagnostics(unresolved, files);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return EquatableArray.Create(Internal(unresolved.Count > 0 ? unresolved[0].SpecPath : string.Empty, ex));
            }
        }

        internal static bool IsSpecFile(string path) =>
            path.EndsWith(".model.yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".model.yml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".model.json", StringComparison.OrdinalIgnoreCase);

        private static GeneratorOptions ReadOptions(AnalyzerConfigOptions global)
        {
            global.TryGetValue("build_property.RootNamespace", out var rootNamespace);
            global.TryGetValue("build_property.CbTypedDefaultNamespace", out var defaultNamespace);
            return new GeneratorOptions(NullIfEmpty(rootNamespace), NullIfEmpty(defaultNamespace));
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        private static ParseResult ParseSafely(SpecFile file, GeneratorOptions options)
        {
            try
            {
                if (file.Text is null)
                {
                    return new ParseResult(file.Path, null, null,
                        EquatableArray.Create(Internal(file.Path, "IOException", "the file could not be read")));
                }
                return SpecParser.Parse(file.Path, file.Text, options);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new ParseResult(file.Path, null, null, EquatableArray.Create(Internal(file.Path, ex)));
            }
        }

        private static EquatableArray<ParseResult> SortByPath(ImmutableArray<ParseResult> all) =>
            all.OrderBy(static r => r.FilePath, StringComparer.Ordinal).ToEquatableArray();

        private static CrossSpecResult ValidateSafely(EquatableArray<ParseResult> all, ImmutableArray<SpecFile> files)
        {
            try
            {
                return CrossSpecValidator.Validate(all, files);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var path = all.Count > 0 ? all[0].FilePath : string.Empty;
                return new CrossSpecResult(EquatableArray<ModelSpec>.Empty, EquatableArray.Create(Internal(path, ex)));
            }
        }

        /// <summary>Emits one model; an exception becomes CBT9999 at the spec's full path.</summary>
        /// <remarks>The position is the file's start: the model record carries no line numbers on purpose (a
        /// comment that moves lines must leave the emit step cached), and the diagnostic names the exception.</remarks>
        internal static EmitResult EmitSafely(ModelSpec model)
        {
            try
            {
                return new EmitResult(Emitter.Emit(model), EquatableArray<DiagnosticInfo>.Empty);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new EmitResult(EquatableArray<GeneratedSource>.Empty, EquatableArray.Create(Internal(model.SpecPath, ex)));
            }
        }

        private static DiagnosticInfo Internal(string path, Exception ex) =>
            Internal(path, ex.GetType().Name, ex.Message);

        private static DiagnosticInfo Internal(string path, string kind, string message) =>
            new DiagnosticInfo(DiagnosticDescriptors.InternalError.Id, path, SpecSpan.FileStart, EquatableArray.Create(kind, message));

        private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var info in diagnostics)
            {
                context.ReportDiagnostic(DiagnosticFactory.ToDiagnostic(info));
            }
        }

    }
}
