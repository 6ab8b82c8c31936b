using System.Text.Json.Nodes;
using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Json;

/// <summary>Binary documents: the search item and the summary share one shape.</summary>
internal static class BinaryJson
{
    public static JsonObject Document(EmulatorState state, BinaryRecord binary)
    {
        var groups = binary.Endpoints
            .Select(e => state.Sensors.TryGetValue(e.SensorId, out var s) ? state.GroupName(s.GroupId) : "")
            .Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var json = new JsonObject
        {
            ["md5"] = binary.Md5,
            ["host_count"] = binary.HostCount,
            ["original_filename"] = binary.OriginalFilename,
            ["observed_filename"] = new JsonArray([.. binary.ObservedFilenames.Select(f => (JsonNode)JsonValue.Create(f))]),
            ["orig_mod_len"] = binary.Size,
            ["copied_mod_len"] = binary.Size,
            ["is_executable_image"] = binary.IsExecutableImage,
            ["is_64bit"] = binary.Is64Bit,
            ["os_type"] = binary.OsType,
            ["company_name"] = binary.CompanyName,
            ["product_name"] = binary.ProductName,
            ["product_version"] = binary.ProductVersion,
            ["file_version"] = binary.FileVersion,
            ["file_desc"] = binary.FileDescription,
            ["internal_name"] = binary.InternalName,
            ["legal_copyright"] = binary.LegalCopyright,
            ["signed"] = binary.DigsigResult,
            ["digsig_result"] = binary.DigsigResult,
            ["digsig_result_code"] = binary.IsSigned ? "0" : "2148204800",
            ["server_added_timestamp"] = CbTime.Solr(binary.ServerAdded),
            ["timestamp"] = CbTime.Solr(binary.ServerAdded),
            ["last_seen"] = CbTime.Solr(binary.LastSeen),
            ["endpoint"] = new JsonArray([.. binary.Endpoints.Select(e => (JsonNode)JsonValue.Create(e.Hostname + "|" + e.SensorId))]),
            ["group"] = new JsonArray([.. groups.Select(g => (JsonNode)JsonValue.Create(g))]),
            ["event_partition_id"] = new JsonArray(97_381_305_679_872L),
            ["facet_id"] = 138_413 + state.BinaryOrdinalByMd5.GetValueOrDefault(binary.Md5),
            ["cb_version"] = state.IsVersion6OrLater ? 600 : 510,
        };
        if (binary.DigsigPublisher is not null)
        {
            json["digsig_publisher"] = binary.DigsigPublisher;
        }

        if (binary.DigsigSignTime is { } signed)
        {
            json["digsig_sign_time"] = CbTime.SignTime(signed);
            json["digsig_issuer"] = binary.DigsigIssuer;
            json["digsig_subject"] = binary.DigsigSubject;
            json["digsig_prog_name"] = binary.DigsigProgramName;
        }

        return json;
    }
}
