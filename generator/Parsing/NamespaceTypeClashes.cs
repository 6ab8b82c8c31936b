using System;
using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>
    /// Namespace-level generated types must be unique: models, enums and each enum's <c>{Enum}Json</c> helper, and a
    /// composite key's <c>{Model}Key</c> struct, a child list's <c>{Model}Extensions</c>. A model
    /// whose enum clashes is reported at the enum field and not emitted. A namespace may not be (or be inside) a
    /// model's full name either (<c>namespace: A.Thing</c> beside model <c>A.Thing</c> is CS0101): that model is
    /// reported at its <c>namespace</c> and not emitted.
    /// </summary>
    internal static class NamespaceTypeClashes
    {
        public static List<ParseResult> RemoveClashing(List<ParseResult> models, Dictionary<string, string?> texts, List<DiagnosticInfo> diagnostics)
        {
            var taken = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var result in models)
            {
                taken[result.Model!.FullTypeName] = "model '" + result.Model.Name + "'";
            }

            var kept = new List<ParseResult>(models.Count);
            foreach (var result in models)
            {
                var model = result.Model!;
                if (ModelNamedLikeNamespace(model.Namespace, taken) is string modelFullName)
                {
                    diagnostics.Add(CrossSpecValidator.Diagnostic(DiagnosticDescriptors.NameClash, result, texts, NamespacePath, model.Namespace,
                        "the namespace of model '" + model.Name + "'", taken[modelFullName] + " (a namespace and a class cannot share a full name; change 'namespace:' or rename the model)"));
                    continue;
                }
                bool clean = true;
                foreach (var (keyPath, field) in EnumFields(model))
                {
                    string enumName = field.Type.EnumTypeName ?? EnumElement(field.Type)!.EnumTypeName!;
                    string what = "the enum of field '" + field.JsonName + "' in '" + model.Name + "'";
                    foreach (var name in new[] { enumName, NameRules.EnumHelperName(enumName) })
                    {
                        string full = "global::" + model.Namespace + "." + name;
                        if (taken.TryGetValue(full, out var other))
                        {
                            diagnostics.Add(CrossSpecValidator.Diagnostic(DiagnosticDescriptors.NameClash, result, texts, keyPath, name, what, other + " (set 'enumName:' on the field)"));
                            clean = false;
                            break;
                        }
                        taken.Add(full, name == enumName ? what : "the JSON helper of " + what);
                    }
                }
                if (clean && Emit.KeyEmitter.CompositeParts(model) is not null)
                {
                    string keyName = Emit.KeyEmitter.StructName(model);
                    string full = "global::" + model.Namespace + "." + keyName;
                    if (taken.TryGetValue(full, out var other))
                    {
                        diagnostics.Add(CrossSpecValidator.Diagnostic(DiagnosticDescriptors.NameClash, result, texts, KeyPath, keyName,
                            "the key struct of '" + model.Name + "'", other + " (rename one of them)"));
                        clean = false;
                    }
                    else
                    {
                        taken.Add(full, "the key struct of '" + model.Name + "'");
                    }
                }
                if (clean && model.Query.Kind == QueryKind.ChildList && model.Query.Parent?.Accessor is not null)
                {
                    string className = Emit.ChildAccessorEmitter.ClassName(model);
                    string full = "global::" + model.Namespace + "." + className;
                    if (taken.TryGetValue(full, out var other))
                    {
                        diagnostics.Add(CrossSpecValidator.Diagnostic(DiagnosticDescriptors.NameClash, result, texts, AccessorPath, className,
                            "the parent accessors of '" + model.Name + "'", other + " (rename one of them)"));
                        clean = false;
                    }
                    else
                    {
                        taken.Add(full, "the parent accessors of '" + model.Name + "'");
                    }
                }
                if (clean) kept.Add(result);
            }
            return kept;
        }

        private static readonly string[] NamespacePath = { "namespace" };

        private static readonly string[] KeyPath = { "key", "fields" };

        private static readonly string[] AccessorPath = { "query", "parent", "accessor" };

        /// <summary>The full name (<c>global::A.Thing</c>) of a model that <paramref name="ns"/> equals or lies inside, or null.</summary>
        private static string? ModelNamedLikeNamespace(string ns, Dictionary<string, string> taken)
        {
            string prefix = ns;
            while (prefix.Length > 0)
            {
                string full = "global::" + prefix;
                if (taken.TryGetValue(full, out var what) && what.StartsWith("model ", StringComparison.Ordinal)) return full;
                int dot = prefix.LastIndexOf('.');
                prefix = dot < 0 ? string.Empty : prefix.Substring(0, dot);
            }
            return null;
        }

        private static IEnumerable<(string[] KeyPath, FieldSpec Field)> EnumFields(ModelSpec model)
        {
            foreach (var field in model.Fields)
            {
                if (EnumElement(field.Type) is not null) yield return (new[] { "fields", field.JsonName }, field);
            }
            foreach (var type in model.Types)
            {
                foreach (var field in type.Fields)
                {
                    if (EnumElement(field.Type) is not null) yield return (new[] { "types", type.Name, "fields", field.JsonName }, field);
                }
            }
        }

        private static FieldTypeSpec? EnumElement(FieldTypeSpec type) =>
            type.Kind == FieldKind.Enum ? type : type.Element is null ? null : EnumElement(type.Element);
    }
}
