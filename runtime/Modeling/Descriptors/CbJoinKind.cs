using System.ComponentModel;

namespace CbTyped.Modeling;

/// <summary>Whether a join yields one model or a query of many.</summary>
/// <remarks>For generated code; applications should not call it, and it may change between versions.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum CbJoinKind
{
    /// <summary>Through a key field: <c>process.sensor_id → Sensor</c>.</summary>
    ToOne,
    /// <summary>Through a query template: <c>process → children</c> via <c>parent_unique_id:{unique_id}</c>.</summary>
    ToMany,
}
