using CbTyped.Modeling;

namespace CbTyped.Response;

/// <summary>
/// Hand-written behaviour needs the full client (raw requests, saves), not only the session interface the
/// generated joins use; every model the runtime returns is attached to a <see cref="CbResponseClient"/>.
/// </summary>
internal static class ModelClient
{
    public static CbResponseClient Of(CbModel model) =>
        model.Client as CbResponseClient
        ?? throw new InvalidOperationException(
            $"This {model.ModelDescription.Name} is not attached to a CbResponseClient; get it through the client or set Client.");
}
