using System.Text;
using CbTyped.Modeling;

namespace CbTyped.Generator.Tests.Harness;

/// <summary>Builds a generated model from JSON text the way the runtime does (a new instance, then its model info populates it).</summary>
internal static class ModelJson
{
    public static T Load<T>(string json)
        where T : CbModel, ICbModel<T>
    {
        T model = T.ModelInfo.CreateNew();
        T.ModelInfo.Populate(model, Encoding.UTF8.GetBytes(json));
        return model;
    }
}
