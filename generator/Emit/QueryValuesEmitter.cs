using System.Collections.Generic;
using System.Linq;
using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// <c>[CbQueryValues(field, values…)]</c> on a model, one per query field of an enum type (a list of enums too):
    /// the spec's values, for tab completion of query values in the PowerShell module.
    /// </summary>
    internal static class QueryValuesEmitter
    {
        public static bool Applies(ModelSpec model) => Fields(model).Any();

        public static string Emit(ModelSpec model)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            foreach (FieldSpec field in Fields(model).OrderBy(f => f.SearchName, System.StringComparer.Ordinal))
            {
                var values = FieldCodec.Innermost(field.Type).EnumValues.Select(v => CSharp.Literal(v.WireValue));
                w.Line("[" + TypeNames.Modeling + "CbQueryValues(" + CSharp.Literal(field.SearchName!) + ", " + string.Join(", ", values) + ")]");
            }
            w.Open("partial class " + model.Name);
            w.Close();
            w.Close();
            return w.ToString();
        }

        private static IEnumerable<FieldSpec> Fields(ModelSpec model) => model.Fields
            .Where(f => f.SearchName is not null && FieldCodec.Innermost(f.Type).Kind == FieldKind.Enum && FieldCodec.Innermost(f.Type).EnumValues.Count > 0);
    }
}
