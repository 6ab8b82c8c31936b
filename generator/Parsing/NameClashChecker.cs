using System.Collections.Generic;
using CbTyped.Generator.Diagnostics;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Parsing
{
    /// <summary>Finds generated C# names that would clash: members with each other, with the class, with nested types, with base members.</summary>
    internal static class NameClashChecker
    {
        public static void Check(string modelName, SpecMapping root, List<FieldSpec> fields, List<NestedTypeSpec> types, List<JoinSpec> joins, ParseContext context, List<OperationSpec>? operations = null)
        {
            if (NameRules.ReservedMemberNames.Contains(modelName))
            {
                // The class would hold a member with its own name (CS0542), e.g. model: Fields or model: ModelInfo.
                context.Report(DiagnosticDescriptors.NameClash, root.Get("model")?.Span ?? root.Span, modelName, "the model",
                    "the member '" + modelName + "' every model inherits or generates (a class cannot hold a member with its own name)");
            }
            var taken = CheckMembers(modelName, fields, root.Get("fields") as SpecMapping, context);

            var joinsMapping = root.Get("joins") as SpecMapping;
            foreach (var join in joins)
            {
                var span = joinsMapping?.GetKey(join.Name)?.Span ?? root.Span;
                Claim(taken, join.PropertyName, "join '" + join.Name + "'", span, modelName, context);
                if (join.Kind == JoinKind.ToOne)
                {
                    Claim(taken, NameRules.JoinAccessorName(join.PropertyName), "the accessor of join '" + join.Name + "'", span, modelName, context);
                }
            }

            var typesMapping = root.Get("types") as SpecMapping;
            foreach (var type in types)
            {
                var span = typesMapping?.GetKey(type.Name)?.Span ?? root.Span;
                Claim(taken, type.Name, "nested type '" + type.Name + "'", span, modelName, context);
            }

            // An operation is a method pair: {Name}Async and the synchronous {Name}.
            var operationsMapping = root.Get("operations") as SpecMapping;
            foreach (var operation in operations ?? new List<OperationSpec>())
            {
                var span = operationsMapping?.GetKey(operation.Name)?.Span ?? root.Span;
                Claim(taken, operation.MethodName + "Async", "operation '" + operation.Name + "'", span, modelName, context);
                Claim(taken, operation.MethodName, "the synchronous twin of operation '" + operation.Name + "'", span, modelName, context);
            }
        }

        /// <summary>Checks fields of one class; returns the claimed names (name → what claimed it).</summary>
        public static Dictionary<string, string> CheckMembers(string ownerName, List<FieldSpec> fields, SpecMapping? fieldsMapping, ParseContext context)
        {
            var taken = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var field in fields)
            {
                var span = fieldsMapping?.GetKey(field.JsonName)?.Span ?? SpecSpan.FileStart;
                Claim(taken, field.PropertyName, "field '" + field.JsonName + "'", span, ownerName, context);
            }
            // Each property also gets a partial hook On{P}Changed; a property may not take that name either.
            foreach (var field in fields)
            {
                var span = fieldsMapping?.GetKey(field.JsonName)?.Span ?? SpecSpan.FileStart;
                string hook = NameRules.ChangedHookName(field.PropertyName);
                if (taken.TryGetValue(hook, out var other) && !other.StartsWith("the hook", System.StringComparison.Ordinal))
                {
                    context.Report(DiagnosticDescriptors.NameClash, span, hook, "the change hook of field '" + field.JsonName + "'", other);
                }
                else
                {
                    taken[hook] = "the hook of field '" + field.JsonName + "'";
                }
            }
            return taken;
        }

        private static void Claim(Dictionary<string, string> taken, string name, string what, SpecSpan span, string ownerName, ParseContext context)
        {
            if (name == ownerName)
            {
                context.Report(DiagnosticDescriptors.NameClash, span, name, what, "the class name '" + ownerName + "' (a member cannot have its class's name)");
                return;
            }
            if (NameRules.ReservedMemberNames.Contains(name))
            {
                context.Report(DiagnosticDescriptors.NameClash, span, name, what, "the member '" + name + "' every model inherits or generates");
                return;
            }
            if (taken.TryGetValue(name, out var other))
            {
                context.Report(DiagnosticDescriptors.NameClash, span, name, what, other);
                return;
            }
            taken.Add(name, what);
        }
    }
}
