namespace CbTyped.Emulator.Query.Schema;

/// <summary>How a field's values are tokenised and matched.</summary>
internal enum CbFieldType
{
    /// <summary>Whole value, case-insensitive, wildcards allowed (process_name, hostname, GUIDs, md5s, sign).</summary>
    Keyword,

    /// <summary>Words split on whitespace and punctuation; a phrase matches consecutive words (product_name).</summary>
    Text,

    /// <summary>Every suffix sub-path is a term: <c>c:\a\b.exe</c> → itself, <c>a\b.exe</c>, <c>b.exe</c>.</summary>
    Path,

    /// <summary>The "enhanced" command-line tokeniser; a value matches as a phrase of tokens.</summary>
    Cmdline,

    /// <summary>Domain labels with dot anchors (<c>.com</c> = last label, <c>foo.</c> = first label).</summary>
    Domain,

    /// <summary>IPv4 address; queries are CIDR blocks or ranges.</summary>
    IpAddress,

    /// <summary>64-bit integer: exact values and ranges.</summary>
    WholeNumber,

    /// <summary>Floating point: exact values and ranges.</summary>
    RealNumber,

    /// <summary>UTC instant: days, instants (24 h windows), ranges and relative times (<c>-2h</c>).</summary>
    Date,

    /// <summary><c>true</c>/<c>false</c>.</summary>
    Bool,
}
