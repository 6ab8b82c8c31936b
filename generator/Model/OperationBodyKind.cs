namespace CbTyped.Generator.Model
{
    /// <summary>What an operation sends as its JSON body.</summary>
    public enum OperationBodyKind
    {
        /// <summary>No body.</summary>
        None = 0,
        /// <summary>The JSON literal <c>null</c> (endpoints that want a JSON body but read nothing from it).</summary>
        Null = 1,
        /// <summary>The model's changed fields.</summary>
        Changes = 2,
        /// <summary>The whole model, unknown members included (as a PUT sends it).</summary>
        Model = 3,
        /// <summary>The model as a create sends it (no read-only fields); required fields are checked first.</summary>
        Create = 4,
        /// <summary>An array of one model written as a create; required fields are checked first.</summary>
        Array = 5,
        /// <summary>An object of the named fields' current values, the constants and the body parameters.</summary>
        Fields = 6,
        /// <summary>An object of the constants and the body parameters only.</summary>
        Parameters = 7,
        /// <summary>A JSON text with <c>{placeholder}</c>s (<see cref="OperationBodySpec.Template"/>), for shapes the others cannot say.</summary>
        Template = 8,
        /// <summary>A <c>multipart/form-data</c> form: one file part from the <c>stream</c> parameter (named by
        /// <see cref="OperationBodySpec.FileNameParameter"/>'s value) and a text part per other body parameter.</summary>
        Multipart = 9,
    }
}
