namespace CbTyped.Tests.Golden;

/// <summary>A hand-written partial beside the generated Watchlist: proves the generated hooks can be implemented.</summary>
public partial class Watchlist
{
    /// <summary>How many documents were loaded into this instance (counted by the <c>OnLoaded</c> hook).</summary>
    public int LoadCount { get; private set; }

    /// <summary>How many times <see cref="Name"/> was set (counted by its change hook).</summary>
    public int NameChanges { get; private set; }

    partial void OnLoaded() => LoadCount++;

    partial void OnNameChanged(string? value) => NameChanges++;
}
