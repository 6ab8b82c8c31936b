namespace CbTyped.Response;

/// <summary>What a registry modification did.</summary>
public enum RegModType
{
    /// <summary>A value Cb did not document.</summary>
    Unknown = 0,
    /// <summary>1: a key was created.</summary>
    CreatedKey = 1,
    /// <summary>2: the first write to a value.</summary>
    FirstWrote = 2,
    /// <summary>4: a key was deleted.</summary>
    DeletedKey = 4,
    /// <summary>8: a value was deleted.</summary>
    DeletedValue = 8,
}
