namespace CbTyped.Events.Tests.Decoding;

/// <summary>
/// JSON event bodies shaped like the recorded server traffic of each routing key (field names, JSON types and value
/// shapes: alerts all text, storage binary documents single strings, 8- or 12-hex segments, epoch-second timestamps).
/// </summary>
internal static class JsonEventSamples
{
    public const string WatchlistHitProcess = """
        {"cb_version":"5.1.1.60603","docs":[{"unique_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10-00000001","id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10","segment_id":1,
          "sensor_id":3,"process_pid":2652,"process_name":"notepad.exe","process_md5":"a3f6a1b2c3d4e5f60718293a4b5c6d7e","hostname":"WIN7","group":"Default Group",
          "cmdline":"notepad.exe x.txt","username":"SYSTEM","host_type":"workstation","os_type":"windows","start":"2016-02-18T20:03:41.35Z","last_update":"2016-02-18T20:03:42.1Z",
          "parent_unique_id":"00000003-0000-0200-01d1-4b2a9e5e3f00-00000001","parent_pid":512,"parent_name":"explorer.exe","parent_md5":"000000000000000000000000000000",
          "comms_ip":-1062731519,"interface_ip":167772162,"modload_count":12,"filemod_count":1,"regmod_count":0,"netconn_count":0,"childproc_count":0,"crossproc_count":0,
          "alliance_score_srstrust":-100,"alliance_link_srstrust":"https://example.com/x"},
          {"unique_id":"00000004-0000-0b00-01d1-4b2a9e5e3f10-0000000a","process_md5":"00112233445566778899aabbccddeeff"}],
         "event_timestamp":1455825468.352,"highlights":[{"name":"PREPREPREnotepad.exePOSTPOSTPOST","ids":["00000003-0000-0a5c-01d1-4b2a9e5e3f10-00000001"]}],
         "server_name":"cb","watchlist_id":12,"watchlist_name":"Notepad"}
        """;

    public const string WatchlistHitBinary = """
        {"cb_version":"5.1.1.60603","docs":[{"md5":"0123456789ABCDEF0123456789ABCDEF","observed_filename":["c:\\windows\\a.exe","c:\\temp\\a.exe"],"endpoint":["WIN7|3"],
          "group":["Default Group"],"cb_version":510,"copied_mod_len":1024,"orig_mod_len":2048,"is_64bit":true,"is_executable_image":true,"digsig_result":"Signed",
          "digsig_result_code":"0","host_count":1,"os_type":"Windows","server_added_timestamp":"2016-02-18T20:03:41Z","last_seen":"2016-02-18T20:03:41.5Z","timestamp":"2016-02-18T20:03:41.52Z",
          "company_name":"Contoso","product_name":"A","file_version":"1.0","original_filename":"a.exe","alliance_score_virustotal":3}],
         "event_timestamp":1455825468,"highlights":[],"server_name":"cb","watchlist_id":14,"watchlist_name":"Signed binaries"}
        """;

    public const string WatchlistStorageHitProcess = """
        {"cb_version":"5.2.0.161004","docs":[{"unique_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10-00000002","parent_id":-5764607523034234880,"process_pid":2652,
          "process_name":"notepad.exe","process_md5":"a3f6a1b2c3d4e5f60718293a4b5c6d7e","path":"c:\\windows\\notepad.exe","watchlist_12":"2016-02-18T20:03:41.352000Z"}],
         "event_timestamp":1455825468.352,"highlights":[],"process_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10","server_name":"cb","watchlist_id":12,"watchlist_name":"Notepad"}
        """;

    public const string WatchlistStorageHitBinary = """
        {"cb_version":"5.2.0.161004","docs":[{"md5":"0123456789ABCDEF0123456789ABCDEF","observed_filename":"c:\\windows\\a.exe","endpoint":"WIN7|3","group":"Default Group",
          "is_64bit":false,"host_count":1,"watchlist_14":"2016-02-18T20:03:41.352000Z"}],
         "event_timestamp":1455825468.352,"highlights":[],"md5":"0123456789ABCDEF0123456789ABCDEF","server_name":"cb","watchlist_id":14,"watchlist_name":"Signed binaries"}
        """;

    public const string FeedIngressHitProcess = """
        {"cb_version":"5.2.0.161004","event_timestamp":1477000000.25,"feed_id":24,"feed_name":"isight","from_feed_search":false,"group":"Default Group","hostname":"WIN7",
         "ioc_attr":{"direction":"Outbound","dns_name":"evil.example","local_ip":"10.0.0.2","local_port":49152,"port":443,"protocol":"TCP","remote_ip":"203.0.113.9","remote_port":443},
         "ioc_type":"dns","ioc_value":"evil.example","os_type":"Windows","process_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10","report_id":"r-1","report_score":80,
         "sensor_id":3,"server_name":"cb"}
        """;

    public const string FeedStorageHitBinary = """
        {"cb_version":"5.2.0.161004","docs":[{"md5":"0123456789ABCDEF0123456789ABCDEF","observed_filename":["c:\\windows\\a.exe"],"endpoint":["WIN7|3"],"group":["Default Group"],
          "cb_version":"510","copied_mod_len":"1024","orig_mod_len":"2048","is_64bit":"false","is_executable_image":"true","alliance_score_isight":"80","host_count":1}],
         "event_timestamp":1477000000.25,"feed_id":24,"feed_name":"isight","group":"Default Group","hostname":"WIN7","ioc_attr":{},"ioc_type":"md5",
         "ioc_value":"0123456789abcdef0123456789abcdef","md5":"0123456789ABCDEF0123456789ABCDEF","report_id":"r-2","report_score":90,"sensor_id":3,"server_name":"cb"}
        """;

    public const string FeedQueryHitProcess = """
        {"comms_ip":"","docs":[{"unique_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10-000000000002","process_pid":2652,"process_name":"notepad.exe"}],
         "event_timestamp":1477000000.25,"feed_id":7,"feed_name":"querying","group":"Default Group","hostname":"WIN7","interface_ip":"",
         "ioc_attrs":{"highlights":["PREPREPREnotepad.exePOSTPOSTPOST"]},"ioc_type":"query",
         "ioc_value":"{\"index_type\": \"events\", \"search_query\": \"cb.urlver=1&q=process_name%3Anotepad.exe\"}",
         "process_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10","report_id":"q-1","report_score":50,"segment_id":2,"sensor_id":3}
        """;

    public const string AlertProcess = """
        {"alert_severity":"57.375","alert_type":"watchlist.hit.query.process","childproc_count":"0","comms_ip":"192.168.0.1","created_time":"2016-02-18T20:03:41.352000Z",
         "crossproc_count":"0","event_timestamp":1455825821.55,"feed_id":"-1","feed_name":"My Watchlists","feed_rating":"3.0","filemod_count":"1","group":"Default Group",
         "hostname":"WIN7","interface_ip":"10.0.0.2","ioc_attr":"{\"highlights\": []}","ioc_confidence":"0.5","ioc_type":"query","md5":"a3f6a1b2c3d4e5f60718293a4b5c6d7e",
         "modload_count":"12","netconn_count":"0","os_type":"windows","process_id":"00000003-0000-0a5c-01d1-4b2a9e5e3f10","process_name":"notepad.exe",
         "process_path":"c:\\windows\\notepad.exe","regmod_count":"0","report_score":"75","segment_id":"1","sensor_criticality":"3.0","sensor_id":"3","status":"Unresolved",
         "unique_id":"5f4a3c1e-1111-2222-3333-444455556666","username":"SYSTEM","watchlist_id":"12","watchlist_name":"Notepad"}
        """;

    public const string AlertBinary = """
        {"alert_severity":"45.0","alert_type":"watchlist.hit.query.binary","created_time":"2016-02-18T20:03:41.352000Z","digsig_result":"Unsigned","event_timestamp":1455825821.55,
         "feed_id":"-1","feed_name":"My Watchlists","feed_rating":"3.0","host_count":"2","hostname":"WIN7","ioc_confidence":"0.5","ioc_type":"query",
         "md5":"0123456789ABCDEF0123456789ABCDEF","observed_filename":["c:\\windows\\a.exe","c:\\temp\\a.exe"],"observed_filename_total_count":"2","os_type":"Windows",
         "other_hostnames":["WIN8"],"report_score":"75","sensor_criticality":"3.0","status":"Unresolved","unique_id":"6f4a3c1e-1111-2222-3333-444455556666",
         "watchlist_id":"14","watchlist_name":"Signed binaries"}
        """;

    public const string BinaryInfoObserved = """{"event_timestamp":1455825821.55,"md5":"0123456789ABCDEF0123456789ABCDEF","scores":{"alliance_score_srstrust":-100},"watchlists":{"watchlist_14":"2016-02-18T20:03:41.352Z"}}""";

    public const string BinaryInfoHostObserved = """{"event_timestamp":1455825821.55,"hostname":"WIN7","md5":"0123456789ABCDEF0123456789ABCDEF","scores":{},"sensor_id":3,"watchlists":{}}""";

    public const string BinaryInfoGroupObserved = """{"event_timestamp":1455825821.55,"group":"Default Group","md5":"0123456789ABCDEF0123456789ABCDEF","scores":{},"watchlists":{}}""";

    public const string BinaryStoreFileAdded = """{"compressed_size":1228,"event_timestamp":1455825821.55,"file_path":"/var/cb/data/modulestore/012/345/0123456789ABCDEF0123456789ABCDEF.zip","md5":"0123456789ABCDEF0123456789ABCDEF","node_id":0,"size":2048}""";

    public const string FeedSynchronized = """{"event_timestamp":1477000000.25,"feed_id":24,"feed_name":"isight","feed_update_time":"2016-10-20T21:46:40Z","scan_start_time":1477000000}""";

    public const string FeedSynchronize = """{"event_timestamp":1477000000.25,"feed_id":24,"full_sync":true}""";

    /// <summary>Every sample with its routing key and the event type it decodes to.</summary>
    public static readonly (string Key, string Body, Type Type)[] All =
    [
        ("watchlist.hit.process", WatchlistHitProcess, typeof(JsonEvents.CbWatchlistHitEvent)),
        ("watchlist.hit.binary", WatchlistHitBinary, typeof(JsonEvents.CbWatchlistHitEvent)),
        ("watchlist.storage.hit.process", WatchlistStorageHitProcess, typeof(JsonEvents.CbWatchlistHitEvent)),
        ("watchlist.storage.hit.binary", WatchlistStorageHitBinary, typeof(JsonEvents.CbWatchlistHitEvent)),
        ("watchlist.12.hit.process", WatchlistHitProcess, typeof(JsonEvents.CbWatchlistHitEvent)),
        ("feed.24.ingress.hit.process", FeedIngressHitProcess, typeof(JsonEvents.CbFeedHitEvent)),
        ("feed.ingress.hit.process", FeedIngressHitProcess, typeof(JsonEvents.CbFeedHitEvent)),
        ("feed.storage.hit.binary", FeedStorageHitBinary, typeof(JsonEvents.CbFeedHitEvent)),
        ("feed.query.hit.process", FeedQueryHitProcess, typeof(JsonEvents.CbFeedHitEvent)),
        ("alert.watchlist.hit.query.process", AlertProcess, typeof(JsonEvents.CbAlertEvent)),
        ("alert.watchlist.hit.query.binary", AlertBinary, typeof(JsonEvents.CbAlertEvent)),
        ("binaryinfo.observed", BinaryInfoObserved, typeof(JsonEvents.CbBinaryObservedEvent)),
        ("binaryinfo.host.observed", BinaryInfoHostObserved, typeof(JsonEvents.CbBinaryObservedEvent)),
        ("binaryinfo.group.observed", BinaryInfoGroupObserved, typeof(JsonEvents.CbBinaryObservedEvent)),
        ("binarystore.file.added", BinaryStoreFileAdded, typeof(JsonEvents.CbBinaryStoredEvent)),
        ("feed.synchronized", FeedSynchronized, typeof(JsonEvents.CbFeedSynchronizedEvent)),
        ("cmd.feed.synchronize", FeedSynchronize, typeof(JsonEvents.CbFeedSyncRequestedEvent)),
    ];
}
