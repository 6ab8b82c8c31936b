namespace CbTyped.Generator.Model
{
    /// <summary>Join cardinality.</summary>
    public enum JoinKind
    {
        /// <summary>Through a key field of this model (<c>via</c>) to the target's key.</summary>
        ToOne = 0,
        /// <summary>Through a query template run against the target (<c>query</c>).</summary>
        ToMany = 1,
    }
}
