namespace CbTyped.Generator.Model
{
    /// <summary>One enum member: the value on the wire and the C# member name (PascalCase of the wire value).</summary>
    public sealed record EnumValueSpec(string WireValue, string MemberName);
}
