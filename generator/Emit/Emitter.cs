using System.Collections.Generic;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// Entry point from the pipeline into the emitters: one model in, its generated files out. One file per output
    /// kind, hint names <c>{Namespace}.{Model}[.{Kind}].g.cs</c>, ordinal order.
    /// </summary>
    internal static class Emitter
    {
        // Every number in generated text goes through CSharp.Int / InvariantCulture explicitly (RS1035 bans switching
        // CurrentCulture in an analyzer), so the output never depends on the build machine's locale.
        public static EquatableArray<GeneratedSource> Emit(ModelSpec model) => EmitCore(model);

        private static EquatableArray<GeneratedSource> EmitCore(ModelSpec model)
        {
            var names = new TypeNames(model);
            string prefix = model.Namespace + "." + model.Name;
            var sources = new List<GeneratedSource>
            {
                new GeneratedSource(prefix + ".g.cs", ModelClassEmitter.Emit(model, names)),
                new GeneratedSource(prefix + ".Serializer.g.cs", SerializerFileEmitter.Emit(model, names)),
                new GeneratedSource(prefix + ".ModelInfo.g.cs", ModelInfoEmitter.Emit(model, names)),
                new GeneratedSource(prefix + ".Fields.g.cs", QueryFieldsEmitter.Emit(model)),
            };
            if (KeyEmitter.CompositeParts(model) is { } keyParts)
            {
                sources.Add(new GeneratedSource(model.Namespace + "." + KeyEmitter.StructName(model) + ".g.cs", KeyEmitter.EmitStruct(model, keyParts)));
            }
            if (ChildAccessorEmitter.Applies(model))
            {
                sources.Add(new GeneratedSource(model.Namespace + "." + ChildAccessorEmitter.ClassName(model) + ".g.cs", ChildAccessorEmitter.Emit(model)));
            }
            if (model.Query.Kind == QueryKind.Search)
            {
                sources.Add(new GeneratedSource(prefix + ".SearchSchema.g.cs", SearchSchemaEmitter.Emit(model)));
            }
            if (QueryValuesEmitter.Applies(model))
            {
                sources.Add(new GeneratedSource(prefix + ".QueryValues.g.cs", QueryValuesEmitter.Emit(model)));
            }
            if (!model.Joins.IsEmpty)
            {
                sources.Add(new GeneratedSource(prefix + ".Joins.g.cs", JoinEmitter.Emit(model)));
            }
            if (!model.Operations.IsEmpty)
            {
                sources.Add(new GeneratedSource(prefix + ".Operations.g.cs", OperationEmitter.Emit(model)));
            }
            IReadOnlyList<FieldTypeSpec> enums = EnumEmitter.CollectEnums(model);
            if (enums.Count > 0)
            {
                sources.Add(new GeneratedSource(prefix + ".Enums.g.cs", EnumEmitter.Emit(model, enums)));
            }
            foreach (NestedTypeSpec nested in model.Types)
            {
                sources.Add(new GeneratedSource(prefix + "." + nested.Name + ".g.cs", NestedTypeEmitter.Emit(model, nested, names)));
            }
            sources.Sort((a, b) => string.CompareOrdinal(a.HintName, b.HintName));
            return sources.ToEquatableArray();
        }
    }
}
