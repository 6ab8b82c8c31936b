using System.Globalization;
using System.Text;
using System.Text.Json;
using CbTyped.Modeling.Json;
using CbTyped.Response.Internal;

namespace CbTyped.Response;

/// <summary>
/// Decodes the <c>*_complete</c> lists of a process event document, whatever the event API version (v1–v4): v1 sends every
/// event as a <c>|</c>-separated string; v2 sends netconns as objects with integer IPs; v3 also sends childprocs as
/// objects; v4 sends netconn IPs dotted and adds SHA-256 columns. Each item is decoded
/// by its JSON shape, so a server that mixes them is read correctly too.
/// </summary>
internal static class ProcessEventDecoder
{
    public static ProcessEvents Decode(Process process, JsonElement document)
    {
        // The event document is {"process": {..., "*_complete": [...]}, "elapsed": ...}.
        JsonElement body = document.ValueKind == JsonValueKind.Object && document.TryGetProperty("process", out var inner) ? inner : document;
        var signedModules = SignedModules(body);
        return new ProcessEvents(
            Items(body, "modload_complete", (item, seq) => ModLoad(process, item, seq, signedModules)),
            Items(body, "filemod_complete", (item, seq) => FileMod(process, item, seq)),
            Items(body, "regmod_complete", (item, seq) => RegMod(process, item, seq)),
            Items(body, "netconn_complete", (item, seq) => NetConn(process, item, seq)),
            Items(body, "childproc_complete", (item, seq) => ChildProc(process, item, seq)),
            Items(body, "crossproc_complete", (item, seq) => CrossProc(process, item, seq)),
            Items(body, "processblock_complete", (item, seq) => ProcessBlock(process, item, seq)));
    }

    private static List<T> Items<T>(JsonElement body, string name, Func<JsonElement, int, T?> decode)
        where T : class
    {
        var list = new List<T>();
        if (!body.TryGetProperty(name, out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        int sequence = 0;
        foreach (var item in items.EnumerateArray())
        {
            if (decode(item, sequence) is { } decoded)
            {
                list.Add(decoded);
            }

            sequence++;
        }

        return list;
    }

    private static ModLoadEvent? ModLoad(Process process, JsonElement item, int sequence, Dictionary<string, bool> signed)
    {
        // ts|md5|path[|sha256]
        if (Fields(item) is not { } f || f.Length < 3)
        {
            return null;
        }

        string md5 = f[1].ToUpperInvariant();
        return new ModLoadEvent
        {
            Process = process, Sequence = sequence, Timestamp = Time(f[0]), Md5 = md5, Path = f[2],
            Sha256 = f.Length > 3 && f[3].Length > 0 ? f[3] : null,
            IsSigned = signed.TryGetValue(md5, out bool isSigned) ? isSigned : null,
        };
    }

    private static FileModEvent? FileMod(Process process, JsonElement item, int sequence)
    {
        // type|ts|path|md5|filetype|tamper — an empty string is no event (cbapi).
        if (Fields(item) is not { } f || f.Length < 3)
        {
            return null;
        }

        return new FileModEvent
        {
            Process = process, Sequence = sequence, Type = (FileModType)Int(f[0]), Timestamp = Time(f[1]), Path = f[2],
            Md5 = f.Length > 3 && f[3].Length > 0 ? f[3].ToUpperInvariant() : null,
            FileType = f.Length > 4 ? FileType(Int(f[4])) : FileModFileType.Unknown,
            IsTampered = f.Length > 5 && f[5] == "true",
        };
    }

    private static RegModEvent? RegMod(Process process, JsonElement item, int sequence)
    {
        // type|ts|path|tamper
        if (Fields(item) is not { } f || f.Length < 3)
        {
            return null;
        }

        int type = Int(f[0]);
        return new RegModEvent
        {
            Process = process, Sequence = sequence, Timestamp = Time(f[1]), Path = f[2],
            Type = type is 1 or 2 or 4 or 8 ? (RegModType)type : RegModType.Unknown,
            IsTampered = f.Length > 3 && f[3] == "true",
        };
    }

    private static NetConnEvent? NetConn(Process process, JsonElement item, int sequence)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            // v2/v3: IPs are signed int32; v4: dotted strings. direction "true" = outbound.
            return new NetConnEvent
            {
                Process = process, Sequence = sequence, Timestamp = Time(Text(item, "timestamp")),
                RemoteIp = Ip(item, "remote_ip"), RemotePort = Int(Text(item, "remote_port")),
                LocalIp = Ip(item, "local_ip"), LocalPort = NullableInt(Text(item, "local_port")),
                ProxyIp = Ip(item, "proxy_ip"), ProxyPort = NullableInt(Text(item, "proxy_port")),
                ProtocolNumber = IpProtocolNames.Parse(Text(item, "proto")), Domain = Text(item, "domain"),
                IsOutbound = Text(item, "direction") is "true" or "True",
            };
        }

        // v1: ts|ip_int32|port|proto|domain|outbound
        if (Fields(item) is not { } f || f.Length < 4)
        {
            return null;
        }

        return new NetConnEvent
        {
            Process = process, Sequence = sequence, Timestamp = Time(f[0]), RemoteIp = IpAddressText.FromText(f[1]),
            RemotePort = Int(f[2]), ProtocolNumber = IpProtocolNames.Parse(f[3]), Domain = f.Length > 4 ? f[4] : null,
            IsOutbound = f.Length > 5 && f[5] == "true",
        };
    }

    private static ChildProcEvent? ChildProc(Process process, JsonElement item, int sequence)
    {
        if (item.ValueKind == JsonValueKind.Object)
        {
            // v3+: {processId, md5, path, pid, type: start|end, start, end, is_tampered, is_suppressed, commandLine, userName}
            bool ended = Text(item, "type") == "end";
            return new ChildProcEvent
            {
                Process = process, Sequence = sequence,
                Timestamp = Time(ended ? Text(item, "end") ?? Text(item, "start") : Text(item, "start") ?? Text(item, "end")),
                ChildUniqueId = Text(item, "processId"), Md5 = Text(item, "md5")?.ToUpperInvariant(), Path = Text(item, "path"),
                Pid = NullableInt(Text(item, "pid")), IsTerminated = ended, CommandLine = Text(item, "commandLine"),
                UserName = Text(item, "userName"), IsSuppressed = Bool(item, "is_suppressed"), IsTampered = Bool(item, "is_tampered"),
            };
        }

        // v1/v2: ts|child unique id|md5|path|pid|started|tamper
        if (Fields(item) is not { } f || f.Length < 6)
        {
            return null;
        }

        return new ChildProcEvent
        {
            Process = process, Sequence = sequence, Timestamp = Time(f[0]), ChildUniqueId = f[1], Md5 = f[2].ToUpperInvariant(),
            Path = f[3], Pid = NullableInt(f[4]), IsTerminated = f[5] != "true", IsTampered = f.Length > 6 && f[6] == "true",
        };
    }

    private static CrossProcEvent? CrossProc(Process process, JsonElement item, int sequence)
    {
        // type|ts|other unique id|md5|path|subtype|access|tamper[|is_target][|sha256]
        if (Fields(item) is not { } f || f.Length < 7)
        {
            return null;
        }

        var type = f[0] switch
        {
            "RemoteThread" => CrossProcType.RemoteThread,
            "ProcessOpen" => f[5] == "2" ? CrossProcType.ThreadOpen : CrossProcType.ProcessOpen,
            _ => CrossProcType.Unknown,
        };
        return new CrossProcEvent
        {
            Process = process, Sequence = sequence, Type = type, Timestamp = Time(f[1]), OtherProcessUniqueId = f[2],
            OtherMd5 = f[3].ToUpperInvariant(), OtherPath = f[4], PrivilegeCode = Int(f[6]),
            IsTampered = f.Length > 7 && f[7] == "true", IsTarget = f.Length > 8 && f[8] == "true",
        };
    }

    private static ProcessBlockEvent? ProcessBlock(Process process, JsonElement item, int sequence)
    {
        // A JSON object, or a string holding one.
        JsonElement block = item;
        JsonDocument? parsed = null;
        try
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                parsed = JsonDocument.Parse(item.GetString() ?? "{}");
                block = parsed.RootElement;
            }

            if (block.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            return new ProcessBlockEvent
            {
                Process = process, Sequence = sequence, Timestamp = Time(Text(block, "timestamp")),
                BlockType = Text(block, "block_type"), BlockEvent = Text(block, "block_event"), BlockResult = Text(block, "block_result"),
                BlockError = Text(block, "block_error"), BlockedMd5 = Text(block, "blocked_md5"), BlockedPath = Text(block, "blocked_path"),
                BlockedCommandLine = Text(block, "blocked_cmdline"), BlockedUid = Text(block, "blocked_uid"),
                BlockedUserName = Text(block, "blocked_username"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
        finally
        {
            parsed?.Dispose();
        }
    }

    /// <summary>v4 documents carry <c>binaries: {MD5: {digsig_result, …}}</c> for the modules they load.</summary>
    private static Dictionary<string, bool> SignedModules(JsonElement body)
    {
        var signed = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        if (body.TryGetProperty("binaries", out var binaries) && binaries.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in binaries.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object)
                {
                    signed[entry.Name] = Text(entry.Value, "digsig_result") == "Signed";
                }
            }
        }

        return signed;
    }

    private static string[]? Fields(JsonElement item) =>
        item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 } text ? text.Split('|') : null;

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;

    private static bool Bool(JsonElement item, string name) => Text(item, name) is "true" or "True";

    private static string? Ip(JsonElement item, string name)
    {
        if (!item.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt32(out int n) ? IpAddressText.FromInt32(n)
                : value.TryGetInt64(out long l) ? IpAddressText.FromInt32(unchecked((int)l)) : "0.0.0.0",
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
    }

    private static int Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : 0;

    private static int? NullableInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static FileModFileType FileType(int value) =>
        Enum.IsDefined((FileModFileType)value) ? (FileModFileType)value : FileModFileType.Unknown;

    private static DateTimeOffset Time(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        Span<byte> utf8 = stackalloc byte[64];
        int length = Encoding.UTF8.GetByteCount(text);
        if (length > utf8.Length)
        {
            return default;
        }

        Encoding.UTF8.GetBytes(text, utf8);
        return CbDateParser.TryParse(utf8[..length], out var value) ? value : default;
    }
}
