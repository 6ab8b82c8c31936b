namespace CbTyped.Modeling;

// What the client needs to keep a save and a refresh of the same instance from losing a change: a lock that
// serialises document swaps with building a save's body, the number of saves in flight (a refresh landing during
// one keeps the pending changes), and how many saves completed (a refresh sent before a save completed is stale).
public abstract partial class CbModel
{
    private object? _documentGate;
    private int _savesInFlight;
    private long _savesCompleted;

    /// <summary>Held while the document is swapped or a save's body is built from it.</summary>
    internal object DocumentGate
    {
        get
        {
            object? gate = Volatile.Read(ref _documentGate);
            return gate ?? Interlocked.CompareExchange(ref _documentGate, new object(), null) ?? _documentGate!;
        }
    }

    /// <summary>True while a save of this instance is in flight (read under <see cref="DocumentGate"/>).</summary>
    internal bool IsSaving => _savesInFlight > 0;

    /// <summary>How many saves of this instance completed (read under <see cref="DocumentGate"/>).</summary>
    internal long SavesCompleted => _savesCompleted;

    /// <summary>A save starts (under <see cref="DocumentGate"/>).</summary>
    internal void BeginSave() => _savesInFlight++;

    /// <summary>A save's request succeeded: refreshes sent before now are older than its result (under the gate).</summary>
    internal void CompleteSave() => _savesCompleted++;

    /// <summary>A save ended, either way (under <see cref="DocumentGate"/>).</summary>
    internal void EndSave() => _savesInFlight--;
}
