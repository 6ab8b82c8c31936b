namespace CbTyped.Generator.Model
{
    /// <summary>Where an operation's parameter is sent.</summary>
    public enum ParameterLocation
    {
        /// <summary>A <c>{name}</c> placeholder of the route.</summary>
        Path = 0,
        /// <summary>A <c>name=value</c> query-string pair (left out when an optional parameter is null).</summary>
        Query = 1,
        /// <summary>A member of the JSON body object.</summary>
        Body = 2,
    }
}
