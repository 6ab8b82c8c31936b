namespace CbTyped.Generator.Model
{
    /// <summary>The primary key.</summary>
    /// <param name="Fields">JSON names of the key fields; several for a composite key (joined with <c>/</c>); empty when the model has no key.</param>
    /// <param name="Normalize">Case normalisation of the key string.</param>
    /// <param name="SentOnCreate">True when the client chooses the key, so it is part of the POST body.</param>
    public sealed record KeySpec(EquatableArray<string> Fields, KeyNormalization Normalize, bool SentOnCreate);
}
