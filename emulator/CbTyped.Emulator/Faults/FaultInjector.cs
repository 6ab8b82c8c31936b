namespace CbTyped.Emulator.Faults;

/// <summary>
/// Faults tests ask for: "fail the next N requests whose path starts with P", or always. Thread-safe; the first
/// matching rule with requests left wins, and each use counts down.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock gate = new();
    private readonly List<Rule> rules = [];

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="count"/> matching requests.</summary>
    /// <param name="fault">What goes wrong.</param>
    /// <param name="count">How many requests it hits; <see cref="int.MaxValue"/> for every one.</param>
    /// <param name="pathPrefix">Only requests whose path starts with this (case-insensitive); null for all.</param>
    /// <param name="method">Only this HTTP method; null for all.</param>
    public void FailNext(EmulatorFault fault, int count = 1, string? pathPrefix = null, string? method = null)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        lock (gate)
        {
            rules.Add(new Rule(fault, pathPrefix, method) { Remaining = count });
        }
    }

    /// <summary>Applies <paramref name="fault"/> to every matching request until <see cref="Clear"/>.</summary>
    public void Always(EmulatorFault fault, string? pathPrefix = null, string? method = null) =>
        FailNext(fault, int.MaxValue, pathPrefix, method);

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
        }
    }

    /// <summary>How many faulted requests the rules still have left (int.MaxValue counts as one).</summary>
    public int Pending
    {
        get
        {
            lock (gate)
            {
                return rules.Sum(r => r.Remaining == int.MaxValue ? 1 : r.Remaining);
            }
        }
    }

    /// <summary>Takes the fault for a request, if a rule matches.</summary>
    internal EmulatorFault? Take(string method, string path)
    {
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (rule.Remaining > 0
                    && (rule.PathPrefix is null || path.StartsWith(rule.PathPrefix, StringComparison.OrdinalIgnoreCase))
                    && (rule.Method is null || string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)))
                {
                    if (rule.Remaining != int.MaxValue)
                    {
                        rule.Remaining--;
                    }

                    return rule.Fault;
                }
            }

            rules.RemoveAll(r => r.Remaining == 0);
            return null;
        }
    }

    private sealed record Rule(EmulatorFault Fault, string? PathPrefix, string? Method)
    {
        public int Remaining { get; set; }
    }
}
