using System.Globalization;

namespace CbTyped;

/// <summary>
/// Finds control characters (C0, DEL, C1) in credential values. A CR or LF in a token would end the
/// <c>X-Auth-Token</c> header and start another one, so such values are refused where they are read; the messages name
/// the character and where it is, never the value.
/// </summary>
internal static class ControlCharacters
{
    /// <summary>The index of the first control character in <paramref name="value"/>, or -1.</summary>
    public static int IndexIn(string value, bool allowTab = false)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && !(allowTab && value[i] == '\t'))
                return i;
        }
        return -1;
    }

    /// <summary>E.g. <c>CR (U+000D)</c>.</summary>
    public static string Describe(char c)
    {
        var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        var name = c switch
        {
            '\r' => "CR",
            '\n' => "LF",
            '\0' => "NUL",
            '\t' => "TAB",
            '\x7f' => "DEL",
            _ => null,
        };
        return name is null ? "control character " + code : name + " (" + code + ")";
    }

    /// <summary>Throws when <paramref name="value"/> holds a control character; <paramref name="what"/> says whose value it is.</summary>
    /// <exception cref="CbCredentialsException">A control character was found.</exception>
    public static void Refuse(string value, string what)
    {
        var index = IndexIn(value);
        if (index >= 0)
            throw new CbCredentialsException(
                $"{what} contains a {Describe(value[index])} at position {(index + 1).ToString(CultureInfo.InvariantCulture)}; control characters are not allowed (value not shown).");
    }
}
