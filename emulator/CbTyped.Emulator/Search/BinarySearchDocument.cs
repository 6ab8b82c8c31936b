using CbTyped.Emulator.Data;

namespace CbTyped.Emulator.Search;

/// <summary>A binary as the query engine sees it (binary search).</summary>
internal sealed class BinarySearchDocument(EmulatorState state, BinaryRecord binary) : ISearchDocument
{
    public void WriteFields(ISearchFieldSink sink)
    {
        sink.Add("md5", binary.Md5);
        foreach (var (feed, score) in FeedTags.ScoresFor(state, binary.Md5, []))
        {
            sink.Add("alliance_score_" + feed, score);
        }

        sink.Add("original_filename", binary.OriginalFilename);
        sink.Add("company_name", binary.CompanyName);
        sink.Add("company_name_facet", binary.CompanyName);
        sink.Add("product_name", binary.ProductName);
        sink.Add("product_name_facet", binary.ProductName);
        sink.Add("product_version", binary.ProductVersion);
        sink.Add("file_version", binary.FileVersion);
        sink.Add("file_version_facet", binary.FileVersion);
        sink.Add("file_desc", binary.FileDescription);
        sink.Add("product_desc", binary.FileDescription);
        sink.Add("internal_name", binary.InternalName);
        sink.Add("legal_copyright", binary.LegalCopyright);
        sink.Add("digsig_result", binary.DigsigResult);
        if (binary.DigsigPublisher is { } publisher)
        {
            sink.Add("digsig_publisher", publisher);
            sink.Add("digsig_publisher_facet", publisher);
        }

        if (binary.DigsigIssuer is { } issuer)
        {
            sink.Add("digsig_issuer", issuer);
        }

        if (binary.DigsigSubject is { } subject)
        {
            sink.Add("digsig_subject", subject);
        }

        if (binary.DigsigProgramName is { } program)
        {
            sink.Add("digsig_prog_name", program);
        }

        if (binary.DigsigSignTime is { } signed)
        {
            sink.Add("digsig_sign_time", signed);
        }

        foreach (var name in binary.ObservedFilenames)
        {
            sink.Add("observed_filename", name);
            sink.Add("observed_filename_facet", name);
        }

        foreach (var (hostname, sensorId) in binary.Endpoints)
        {
            sink.Add("hostname", hostname);
            if (state.Sensors.TryGetValue(sensorId, out var sensor))
            {
                sink.Add("group", state.GroupName(sensor.GroupId));
            }
        }

        sink.Add("os_type", binary.OsType);
        sink.Add("is_executable_image", binary.IsExecutableImage);
        sink.Add("is_64bit", binary.Is64Bit);
        sink.Add("tampered", false);
        sink.Add("orig_mod_len", binary.Size);
        sink.Add("copied_mod_len", binary.Size);
        sink.Add("host_count", binary.HostCount);
        sink.Add("server_added_timestamp", binary.ServerAdded);
        sink.Add("last_seen", binary.LastSeen);
    }
}
