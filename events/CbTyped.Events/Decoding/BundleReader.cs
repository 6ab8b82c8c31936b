using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using CbTyped.Events.Protobuf;
using Google.Protobuf;

namespace CbTyped.Events.Decoding;

/// <summary>
/// Reads a raw-event bundle: a zip archive whose members are bundles, or a bare bundle — records of a little-endian
/// uint32 length followed by that many bytes of one <c>CbEventMsg</c>. Every length and size is checked against
/// <see cref="CbEventDecoderOptions"/> and against what is really there before anything is allocated for it.
/// </summary>
internal static class BundleReader
{
    /// <summary>True when the body starts like a zip archive (a local file header, or the end record of an empty one).</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> body) =>
        body.Length >= 4 && body[0] == (byte)'P' && body[1] == (byte)'K' && body[2] is 3 or 5 && body[3] is 4 or 6;

    public static List<CbEventMsg> Read(CbBusMessage message, CbEventDecoderOptions options)
    {
        var records = new List<CbEventMsg>();
        if (LooksLikeZip(message.Body.Span))
            ReadZip(message, options, records);
        else
            ReadRecords(message, message.Body.Span, "the bundle", options, records);
        return records;
    }

    private static void ReadZip(CbBusMessage message, CbEventDecoderOptions options, List<CbEventMsg> records)
    {
        var body = MemoryMarshal.TryGetArray(message.Body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(message.Body.ToArray(), writable: false);
        long inflated = 0;
        try
        {
            using var zip = new ZipArchive(body, ZipArchiveMode.Read, leaveOpen: false);
            if (zip.Entries.Count > options.MaxZipMembers)
                throw new CbEventDecodeException(message, $"the zip has {zip.Entries.Count} members, more than the limit of {options.MaxZipMembers}");
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                    continue; // a folder
                // The member's declared size is not trusted: inflate at most what the budget has left, plus one byte
                // to notice going over it.
                var budget = options.MaxBundleBytes - inflated;
                using var member = new MemoryStream();
                using (var stream = entry.Open())
                    CopyAtMost(stream, member, budget + 1);
                if (member.Length > budget)
                    throw new CbEventDecodeException(message, $"the zip inflates to more than the limit of {options.MaxBundleBytes} bytes");
                inflated += member.Length;
                ReadRecords(message, member.GetBuffer().AsSpan(0, (int)member.Length), $"zip member '{entry.FullName}'", options, records);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw new CbEventDecodeException(message, $"not a readable zip ({e.Message})", e);
        }
    }

    private static void CopyAtMost(Stream source, MemoryStream target, long limit)
    {
        var buffer = new byte[81920];
        while (target.Length < limit)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - target.Length));
            if (read == 0)
                return;
            target.Write(buffer, 0, read);
        }
    }

    private static void ReadRecords(CbBusMessage message, ReadOnlySpan<byte> bundle, string where, CbEventDecoderOptions options, List<CbEventMsg> records)
    {
        if (bundle.Length < 4)
            throw new CbEventDecodeException(message, $"{where} is {bundle.Length} bytes, shorter than one record's length prefix");
        var offset = 0;
        while (offset < bundle.Length)
        {
            var index = records.Count;
            if (bundle.Length - offset < 4)
                throw new CbEventDecodeException(message, $"{where} is truncated: {bundle.Length - offset} bytes after record {index - 1}, not a length prefix");
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bundle[offset..]);
            offset += 4;
            if (length > (uint)options.MaxRecordBytes)
                throw new CbEventDecodeException(message, $"record {index} of {where} announces {length} bytes, more than the limit of {options.MaxRecordBytes}");
            if (length > (uint)(bundle.Length - offset))
                throw new CbEventDecodeException(message, $"{where} is truncated: record {index} announces {length} bytes, {bundle.Length - offset} remain");
            if (records.Count == options.MaxRecords)
                throw new CbEventDecodeException(message, $"the bundle has more than the limit of {options.MaxRecords} records");
            records.Add(ProtobufEventReader.Parse(message, bundle.Slice(offset, (int)length), $"record {index} of {where}"));
            offset += (int)length;
        }
    }
}
