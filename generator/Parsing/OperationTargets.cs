using System;
using System.Collections.Generic;
using System.Linq;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>Cross-spec step for operations: a response naming another spec's model gets its full type name.</summary>
    internal static class OperationTargets
    {
        /// <summary>The operations with their response types filled in, or null when one names an unknown model (reported).</summary>
        public static EquatableArray<OperationSpec>? Resolve(ModelSpec model, ParseResult result, Dictionary<string, string?> texts,
            Dictionary<string, List<ParseResult>> byName, HashSet<string> broken, List<DiagnosticInfo> diagnostics)
        {
            if (model.Operations.IsEmpty) return model.Operations;
            var resolved = new OperationSpec[model.Operations.Count];
            bool ok = true;
            for (int i = 0; i < resolved.Length; i++)
            {
                var operation = model.Operations[i];
                resolved[i] = operation;
                var response = operation.Response;
                if (!response.NamesModel || response.TargetTypeName.Length > 0) continue;
                var target = CrossSpecValidator.Resolve(response.Model!, model.Namespace, byName);
                if (target is null)
                {
                    ok = false;
                    if (broken.Contains(response.Model!)) continue; // its own spec's errors are reported already
                    diagnostics.Add(CrossSpecValidator.Diagnostic(DiagnosticDescriptors.OperationUnknownResponseModel, result, texts,
                        new[] { "operations", operation.Name, "response" },
                        operation.Name, response.Model!, JoinParser.Suggest(response.Model!, byName.Keys.OrderBy(k => k, StringComparer.Ordinal))));
                    continue;
                }
                resolved[i] = operation with { Response = response with { TargetTypeName = target.FullTypeName } };
            }
            return ok ? new EquatableArray<OperationSpec>(resolved) : (EquatableArray<OperationSpec>?)null;
        }
    }
}
