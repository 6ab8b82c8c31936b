namespace CbTyped.Response;

/// <summary>Windows process access rights, for crossproc events (cbapi's table, with PROCESS_SUSPEND_RESUME spelled right).</summary>
internal static class ProcessAccessRights
{
    private static readonly (int Bit, string Name)[] Rights =
    [
        (0x100000, "SYNCHRONIZE"),
        (0x80000, "WRITE_OWNER"),
        (0x40000, "WRITE_DAC"),
        (0x20000, "READ_CONTROL"),
        (0x10000, "DELETE"),
        (0x1, "PROCESS_TERMINATE"),
        (0x2, "PROCESS_CREATE_THREAD"),
        (0x4, "PROCESS_SET_SESSIONID"),
        (0x8, "PROCESS_VM_OPERATION"),
        (0x10, "PROCESS_VM_READ"),
        (0x20, "PROCESS_VM_WRITE"),
        (0x40, "PROCESS_DUP_HANDLE"),
        (0x80, "PROCESS_CREATE_PROCESS"),
        (0x100, "PROCESS_SET_QUOTA"),
        (0x200, "PROCESS_SET_INFORMATION"),
        (0x400, "PROCESS_QUERY_INFORMATION"),
        (0x800, "PROCESS_SUSPEND_RESUME"),
        (0x1000, "PROCESS_QUERY_LIMITED_INFORMATION"),
    ];

    public static string Describe(int mask) => mask switch
    {
        0x1FFFFF => "PROCESS_ALL_ACCESS",
        0x1F0000 => "STANDARD_RIGHTS_ALL",
        0xF0000 => "STANDARD_RIGHTS_REQUIRED",
        0x20000 => "STANDARD_RIGHTS_READ",
        _ => string.Join(" | ", Rights.Where(r => (mask & r.Bit) != 0).Select(r => r.Name)),
    };

    public static bool Has(int mask, string name)
    {
        if (name is "PROCESS_ALL_ACCESS")
        {
            return (mask & 0x1FFFFF) == 0x1FFFFF;
        }

        foreach (var (bit, right) in Rights)
        {
            if (string.Equals(right, name, StringComparison.OrdinalIgnoreCase))
            {
                return (mask & bit) == bit;
            }
        }

        return false;
    }
}
