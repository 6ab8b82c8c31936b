using System.Management.Automation;

namespace CbTyped.PowerShell;

/// <summary>Lets <c>-Connection</c> take a connection's name as well as the object <c>Connect-CbResponse</c> returned.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class CbConnectionTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject ps ? ps.BaseObject : inputData;
        return value switch
        {
            CbConnection connection => connection,
            string name => CbConnectionRegistry.Current.Find(name)
                ?? throw new ArgumentTransformationMetadataException($"No connection is named '{name}'. Get-CbConnection lists them."),
            _ => throw new ArgumentTransformationMetadataException("-Connection takes a connection name or the object Connect-CbResponse returned."),
        };
    }
}
