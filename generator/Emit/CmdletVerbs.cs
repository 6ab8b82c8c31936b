using System;

namespace CbTyped.Generator.Emit
{
    /// <summary>
    /// The PowerShell verb and noun of an operation's cmdlet: the method name's first word when it is an approved verb
    /// (<c>Get-Verb</c>), the rest of the name after the model's noun (<c>GetTotals</c> on <c>SensorCheckin</c> →
    /// <c>Get-CbSensorCheckinTotals</c>); otherwise <c>Invoke</c> and the whole name (<c>Quarantine</c> on <c>Binary</c> →
    /// <c>Invoke-CbBinaryQuarantine</c>).
    /// </summary>
    internal static class CmdletVerbs
    {
        // The approved verbs (Get-Verb in PowerShell 7.6), as (verb, the VerbsX class that declares it).
        private static readonly string[][] Approved =
        {
            new[] { "VerbsCommon", "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New", "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set", "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch" },
            new[] { "VerbsData", "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit", "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore", "Save", "Sync", "Unpublish", "Update" },
            new[] { "VerbsLifecycle", "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke", "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait" },
            new[] { "VerbsDiagnostic", "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace" },
            new[] { "VerbsCommunications", "Connect", "Disconnect", "Read", "Receive", "Send", "Write" },
            new[] { "VerbsSecurity", "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect" },
            new[] { "VerbsOther", "Use" },
        };

        /// <summary>The verb as a C# expression (<c>global::System.Management.Automation.VerbsCommon.Get</c>) and the noun (the model's noun, e.g. <c>CbBinary</c>, then the rest of the method name).</summary>
        public static (string VerbExpression, string Verb, string Noun) For(string noun, string methodName)
        {
            int end = 1;
            while (end < methodName.Length && !char.IsUpper(methodName[end]))
            {
                end++;
            }
            string first = methodName.Substring(0, end);
            string? verbClass = ClassOf(first);
            if (verbClass is null)
            {
                return (Expression("VerbsLifecycle", "Invoke"), "Invoke", noun + methodName);
            }
            return (Expression(verbClass, first), first, noun + methodName.Substring(end));
        }

        /// <summary>The VerbsX class of an approved verb, or null.</summary>
        public static string? ClassOf(string verb)
        {
            foreach (string[] group in Approved)
            {
                for (int i = 1; i < group.Length; i++)
                {
                    if (string.Equals(group[i], verb, StringComparison.Ordinal))
                    {
                        return group[0];
                    }
                }
            }
            return null;
        }

        public static string Expression(string verbClass, string verb) =>
            "global::System.Management.Automation." + verbClass + "." + verb;
    }
}
