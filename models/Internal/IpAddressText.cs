using System.Globalization;

namespace CbTyped.Response.Internal;

/// <summary>Cb sends IPv4 addresses as signed 32-bit integers in host order (most significant byte first).</summary>
internal static class IpAddressText
{
    public static string FromInt32(int value)
    {
        uint bits = unchecked((uint)value);
        return string.Create(CultureInfo.InvariantCulture, $"{bits >> 24}.{(bits >> 16) & 0xFF}.{(bits >> 8) & 0xFF}.{bits & 0xFF}");
    }

    /// <summary>Text that is an integer → dotted; anything else → <c>0.0.0.0</c> (cbapi's fallback for a bad value).</summary>
    public static string FromText(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? FromInt32(value) : "0.0.0.0";
}
