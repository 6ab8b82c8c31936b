using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>The model's serializer file (see <see cref="SerializerEmitter"/>).</summary>
    internal static class SerializerFileEmitter
    {
        public static string Emit(ModelSpec model, TypeNames names)
        {
            CodeWriter w = CodeWriter.StartFile(model.SpecFileName);
            w.Open("namespace " + model.Namespace);
            w.Open("partial class " + model.Name);
            SerializerEmitter.WriteMembers(w, model.Fields, names);
            w.Close();
            w.Close();
            return w.ToString();
        }
    }
}
