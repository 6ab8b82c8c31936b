using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CbTyped;

/// <summary>
/// The continuation token of <see cref="CbQuery{T}.AsPages"/>: opaque to callers, it is base64url of 17 bytes — a
/// format version (1), the first 8 bytes of a SHA-256 of the query (model, kind, route, terms, sort, raw parameters,
/// parent field, Skip/Take; not the page size or pages in flight, which do not change the rows), and the offset of the
/// next row. A token is checked against the query it is given to, so one from another query (or another version of
/// the format, or not a token at all) is an <see cref="ArgumentException"/> instead of a silently wrong export.
/// It is not a secret and not signed: whoever holds it could have built the same query.
/// </summary>
internal static class CbContinuationToken
{
    private const byte FormatVersion = 1;
    private const int Length = 1 + 8 + 8;

    public static string Create(CbRowQuery query, long offset)
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = FormatVersion;
        BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], Fingerprint(query));
        BinaryPrimitives.WriteInt64BigEndian(bytes[9..], offset);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The offset <paramref name="token"/> resumes <paramref name="query"/> at; errors name <paramref name="parameterName"/>.</summary>
    /// <exception cref="ArgumentException">Not a token, another format version, another query, or an offset outside the query's slice.</exception>
    public static long Resume(CbRowQuery query, string token, string parameterName)
    {
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (!TryDecode(token, bytes))
            throw new ArgumentException("This is not a CbTyped continuation token (use the ContinuationToken of a page AsPages returned).", parameterName);
        if (bytes[0] != FormatVersion)
            throw new ArgumentException(
                $"This continuation token has format version {bytes[0].ToString(CultureInfo.InvariantCulture)}; this version of CbTyped reads version {FormatVersion.ToString(CultureInfo.InvariantCulture)}.",
                parameterName);
        if (BinaryPrimitives.ReadUInt64BigEndian(bytes[1..]) != Fingerprint(query))
            throw new ArgumentException(
                $"This continuation token belongs to another query: it resumes only the query that produced it (same model, terms, sort, parameters, Skip and Take), not the {query}.",
                parameterName);
        var offset = BinaryPrimitives.ReadInt64BigEndian(bytes[9..]);
        var end = query.Take is { } take ? query.Skip + take : long.MaxValue;
        if (offset < query.Skip || offset > end)
            throw new ArgumentException("This continuation token points outside the query's rows.", parameterName);
        return offset;
    }

    private static bool TryDecode(string token, Span<byte> bytes)
    {
        try
        {
            return token.Length <= 32 && Base64Url.TryDecodeFromChars(token, bytes, out var written) && written == Length;
        }
        catch (FormatException)
        {
            return false; // a character base64url does not have
        }
    }

    /// <summary>The query's identity: every part that decides which rows come in which order, length-prefixed.</summary>
    private static ulong Fingerprint(CbRowQuery query)
    {
        var text = new StringBuilder();
        Add(text, query.Kind.ToString());
        Add(text, query.ModelName);
        Add(text, query.Path);
        Add(text, query.ParentField);
        Add(text, query.Sort);
        foreach (var term in query.Terms)
            Add(text, term);
        text.Append('|');
        foreach (var (name, value) in query.Parameters)
        {
            Add(text, name);
            Add(text, value);
        }
        text.Append('|');
        Add(text, query.Skip.ToString(CultureInfo.InvariantCulture));
        Add(text, query.Take?.ToString(CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    private static void Add(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-;");
            return;
        }
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(';');
    }
}
