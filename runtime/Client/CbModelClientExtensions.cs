using CbTyped.Modeling;

namespace CbTyped;

/// <summary>Hand-written model code's way to the client a model came from.</summary>
public static class CbModelClientExtensions
{
    /// <summary>
    /// The <see cref="CbResponseClient"/> this model came from (its <see cref="CbModel.Client"/>), for raw requests
    /// (<see cref="CbResponseClient.SendJsonAsync"/>, …), saves and route paths in hand-written partials.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not attached to a <see cref="CbResponseClient"/>.</exception>
    public static CbResponseClient RequireResponseClient(this CbModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Client as CbResponseClient
            ?? throw new InvalidOperationException(
                $"This {model.ModelDescription.Name} is not attached to a CbResponseClient; get it through the client (or set Client) first.");
    }
}
