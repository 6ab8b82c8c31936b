using CbTyped.Generator.Model;

namespace CbTyped.Generator.Emit
{
    /// <summary>The <c>global::</c>-qualified C# names generated code uses for one model's types.</summary>
    internal sealed class TypeNames
    {
        public const string Modeling = "global::CbTyped.Modeling.";
        public const string Json = "global::CbTyped.Modeling.Json.";
        public const string Reader = Json + "CbValueReader.";
        public const string Writer = Json + "CbValueWriter.";
        public const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        public const string JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
        public const string EncodedText = "global::System.Text.Json.JsonEncodedText";
        public const string JsonElement = "global::System.Text.Json.JsonElement";

        public const string MemberPatterns = "global::CbTyped.Modeling.Json.CbMemberPatterns";
        public const string ListType = "global::System.Collections.Generic.IReadOnlyList";
        public const string MapType = "global::System.Collections.Generic.IReadOnlyDictionary";
        public const string Task = "global::System.Threading.Tasks.Task";
        public const string CancellationToken = "global::System.Threading.CancellationToken";

        public TypeNames(ModelSpec model)
        {
            Model = model;
            ModelType = model.FullTypeName;
        }

        public ModelSpec Model { get; }

        /// <summary><c>global::Ns.Model</c>.</summary>
        public string ModelType { get; }

        public string Enum(string enumTypeName) => "global::" + Model.Namespace + "." + enumTypeName;

        /// <summary>The generated helper that maps an enum to and from its JSON text.</summary>
        public string EnumJson(string enumTypeName) => "global::" + Model.Namespace + "." + enumTypeName + "Json";

        public string Nested(string nestedTypeName) => ModelType + "." + nestedTypeName;
    }
}
