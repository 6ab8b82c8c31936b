namespace CbTyped.Response;

public partial class Alert
{
    /// <summary>The indicator that matched (<c>ioc_attr</c>, JSON text), or null.</summary>
    public string? TriggerIoc => IocAttr;
}
