using System;
using System.Collections.Generic;
using System.Linq;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Checks what needs every spec at once (duplicate models, joins and child-list parents naming other models) and
    /// fills in the target type names, so each model can then be emitted on its own.
    /// </summary>
    internal static class CrossSpecValidator
    {
        private static readonly string[] ModelPath = { "model" };
        private static readonly string[] ParentModelPath = { "query", "parent", "model" };

        private static readonly string[] ParentAccessorPath = { "query", "parent", "accessor" };

        /// <summary>The parent's generated member that an accessor method (<c>Select{A}</c>, <c>Get{A}Async</c>, <c>Get{A}</c>) would be hidden by, or null.</summary>
        private static (string Name, string What)? AccessorClash(string accessor, ModelSpec parent)
        {
            var members = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in parent.Fields) members[field.PropertyName] = "the property of field '" + field.JsonName + "'";
            foreach (var join in parent.Joins)
            {
                members[join.PropertyName] = "join '" + join.Name + "'";
                if (join.Kind == JoinKind.ToOne) members[NameRules.JoinAccessorName(join.PropertyName)] = "the accessor of join '" + join.Name + "'";
            }
            foreach (var operation in parent.Operations)
            {
                members[operation.MethodName] = "operation '" + operation.Name + "'";
                members[operation.MethodName + "Async"] = "operation '" + operation.Name + "'";
            }
            foreach (var name in new[] { "Select" + accessor, "Get" + accessor + "Async", "Get" + accessor })
            {
                if (members.TryGetValue(name, out var what)) return (name, what);
                if (NameRules.ReservedMemberNames.Contains(name)) return (name, "the member every model inherits or generates");
            }
            return null;
        }

        public static CrossSpecResult Validate(IEnumerable<ParseResult> parsed, IEnumerable<SpecFile> files)
        {
            var texts = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var file in files) texts[file.Path] = file.Text;
            // Ordinal path order makes "first declaration wins" and the diagnostics deterministic.
            var all = parsed.OrderBy(r => r.FilePath, StringComparer.Ordinal).ToList();
            var results = all.Where(r => r.Model is not null).ToList();
            // Models whose own spec has errors: a join to them is not "unknown", it is dropped quietly (their file is already reported).
            var broken = new HashSet<string>(all.Where(r => r.Model is null && r.DeclaredName is not null).Select(r => r.DeclaredName!), StringComparer.Ordinal);
            var diagnostics = new List<DiagnosticInfo>();
            var byName = new Dictionary<string, List<ParseResult>>(StringComparer.Ordinal);
            var byFullName = new Dictionary<string, ParseResult>(StringComparer.Ordinal);
            var kept = new List<ParseResult>();

            foreach (var result in results)
            {
                var model = result.Model!;
                if (byFullName.TryGetValue(model.FullTypeName, out var first))
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.DuplicateModel, result, texts, ModelPath, model.Name, first.FilePath));
                    continue;
                }
                byFullName.Add(model.FullTypeName, result);
                kept.Add(result);
            }

            kept = NamespaceTypeClashes.RemoveClashing(kept, texts, diagnostics);
            foreach (var result in kept)
            {
                var model = result.Model!;
                if (!byName.TryGetValue(model.Name, out var list)) byName[model.Name] = list = new List<ParseResult>();
                list.Add(result);
            }

            var models = new List<ModelSpec>(kept.Count);
            foreach (var result in kept)
            {
                var model = result.Model!;
                var joins = new List<JoinSpec>(model.Joins.Count);
                foreach (var join in model.Joins)
                {
                    if (join.TargetIsExternal)
                    {
                        joins.Add(join);
                        continue;
                    }
                    var target = Resolve(join.Model, model.Namespace, byName);
                    if (target is null)
                    {
                        if (broken.Contains(join.Model)) continue;
                        diagnostics.Add(Diagnostic(DiagnosticDescriptors.JoinUnknownModel, result, texts, new[] { "joins", join.Name, "model" },
                            "Join '" + join.Name + "'", join.Model, JoinParser.Suggest(join.Model, byName.Keys.OrderBy(k => k, StringComparer.Ordinal))));
                        continue;
                    }
                    if (join.Kind == JoinKind.ToOne && target.Key.Fields.Count != join.KeyParts.Count)
                    {
                        string keyText = "[" + string.Join(", ", target.Key.Fields) + "]";
                        diagnostics.Add(Diagnostic(DiagnosticDescriptors.JoinUnknownField, result, texts, new[] { "joins", join.Name, target.Key.Fields.Count == 0 ? "model" : "via" },
                            join.Name, join.Via ?? string.Empty, target.Key.Fields.Count == 0 ? "a key of '" + target.Name + "'" : "a key of '" + target.Name + "' with " + join.KeyParts.Count + " part(s)", string.Empty,
                            target.Key.Fields.Count == 0
                                ? "The target model has no key; add key: { fields: [id] } to its spec or use a toMany join."
                                : "The target's key is " + keyText + ": list one 'via' entry per part, in that order, e.g. via: [process_id, " + JoinSpec.DefaultProcessSegment + "]."));
                        continue;
                    }
                    joins.Add(join with { TargetTypeName = target.FullTypeName });
                }

                var query = model.Query;
                if (query.Parent is { TargetTypeName.Length: 0 } parent)
                {
                    var target = Resolve(parent.Model, model.Namespace, byName);
                    if (target is null)
                    {
                        if (broken.Contains(parent.Model)) continue;
                        diagnostics.Add(Diagnostic(DiagnosticDescriptors.JoinUnknownModel, result, texts, ParentModelPath,
                            "'query.parent'", parent.Model, JoinParser.Suggest(parent.Model, byName.Keys.OrderBy(k => k, StringComparer.Ordinal))));
                        continue;
                    }
                    if (parent.Accessor is { } accessor && AccessorClash(accessor, target) is { } clash)
                    {
                        // An extension method the parent's own member hides would never be called.
                        diagnostics.Add(Diagnostic(DiagnosticDescriptors.NameClash, result, texts, ParentAccessorPath,
                            clash.Name, "the parent accessor of '" + model.Name + "'", clash.What + " of '" + target.Name + "' (choose another accessor name)"));
                        continue;
                    }
                    query = query with { Parent = parent with { TargetTypeName = target.FullTypeName } };
                }
                var operations = OperationTargets.Resolve(model, result, texts, byName, broken, diagnostics);
                if (operations is null) continue;
                models.Add(model with { Joins = new EquatableArray<JoinSpec>(joins.ToArray()), Query = query, Operations = operations.Value });
            }

            return new CrossSpecResult(new EquatableArray<ModelSpec>(models.ToArray()), new EquatableArray<DiagnosticInfo>(diagnostics.ToArray()));
        }

        /// <summary>A model by name: the one in the same namespace first, else the only one with that name.</summary>
        internal static ModelSpec? Resolve(string name, string fromNamespace, Dictionary<string, List<ParseResult>> byName)
        {
            if (!byName.TryGetValue(name, out var candidates)) return null;
            foreach (var candidate in candidates)
            {
                if (candidate.Model!.Namespace == fromNamespace) return candidate.Model;
            }
            return candidates[0].Model;
        }

        internal static DiagnosticInfo Diagnostic(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ParseResult result, Dictionary<string, string?> texts, string[] keyPath, params string[] args)
        {
            texts.TryGetValue(result.FilePath, out var text);
            var span = text is null ? SpecSpan.FileStart : SpecLocator.Locate(text, keyPath);
            return new DiagnosticInfo(descriptor.Id, result.FilePath, span, new EquatableArray<string>(args));
        }
    }
}
