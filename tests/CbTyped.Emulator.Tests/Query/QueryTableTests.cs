using Xunit;

namespace CbTyped.Emulator.Tests.Query;

/// <summary>The query table: each row is a query over the fixed data set and exactly the documents it must hit.</summary>
public sealed class QueryTableTests
{
    public static TheoryData<string, string, int[]> Rows => new()
    {
        // The real queries from the issue.
        { "process", @"process_name:net.exe cmdline:\\test\blah", [0] },
        { "process", @"-path:c:\windows\* filemod:c:\windows\system32\*", [2, 3] },
        { "binary", "is_executable_image:false", [1, 2] },
        { "process", "start:[2016-01-01 TO *]", [0, 1, 3, 4, 5, 6, 7] },
        { "binary", "digsig_result:\"Invalid Chain\"", [1] },
        { "process", "ipaddr:192.168.0.0/16", [0, 3] },
        { "process", "domain:.com", [0, 3] },
        { "process", "hostname:WIN-IA9NQ1GN8OI", [0, 1, 7] },

        // keyword: whole value, case-insensitive, wildcards
        { "process", "process_name:NET.EXE", [0] },
        { "process", "process_name:net", [] },
        { "process", "process_name:svc*.exe", [4, 5] },
        { "process", "process_name:s?chost.exe", [4, 5] },
        { "process", "process_name:powerpnt.exe", [2] },
        { "process", "group:\"default group\"", [0, 1, 2, 4, 5, 6, 7] },
        { "process", "os_type:linux", [6] },
        { "process", "md5:F404E59DB6A0F122AB26BF4F3E2FD0FA", [0] },
        { "process", "process_md5:1C9D6E5E2B4B7C2B0A3F1E2D3C4B5A69", [0] },

        // path: suffix sub-paths, / and \ alike, escaped spaces, phrases
        { "process", "path:net.exe", [0] },
        { "process", @"path:system32\net.exe", [0] },
        { "process", "path:system*", [0, 1, 4, 5] },
        { "process", @"path:microsoft\ office\office15\powerpnt.exe", [2] },
        { "process", @"path:""microsoft office\office15\powerpnt.exe""", [2] },
        { "process", "path:c:/windows/system32/cmd.exe", [1] },
        { "process", "path:usr/bin/python3", [6] },
        { "process", "filemod:system32/drivers/evil.sys", [3] },
        { "process", "modload:ntdll.dll", [0] },
        { "process", @"path:windows\net.exe", [] },

        // cmdline: enhanced tokens, phrase order, dot suffixes, switches, wildcards
        { "process", "cmdline:netsvcs", [4, 5] },
        { "process", "cmdline:\"-k netsvcs\"", [4, 5] },
        { "process", "cmdline:\"netsvcs -k\"", [] },
        { "process", "cmdline:.exe", [1, 2, 3, 4, 5, 7] },
        { "process", "cmdline:/noconfig", [7] },
        { "process", "cmdline:.30319", [7] },
        { "process", "cmdline:power*", [2] },
        { "process", "cmdline:\"office15 powerpnt.exe /s\"", [2] },
        { "process", "cmdline:/c", [1] },
        { "process", "cmdline:--type=renderer", [3] },

        // domain labels and anchors (reference table: foo.com / foo.com.au)
        { "process", "domain:com", [0, 2, 3] },
        { "process", "domain:.com.", [2] },
        { "process", "domain:com.", [] },
        { "process", "domain:foo.", [0, 2] },
        { "process", "domain:foo.com", [0] },
        { "process", "domain:google.com", [3] },
        { "process", "domain:goo*", [3] },
        { "process", "domain:localhost", [6] },

        // ipaddr: single address = /32, CIDR
        { "process", "ipaddr:8.8.8.8", [3] },
        { "process", "ipaddr:10.0.0.0/8", [2] },
        { "process", "ipaddr:192.168.200.1/32", [3] },

        // counts: exact, inclusive, open and exclusive ranges
        { "process", "childproc_count:[1 TO *]", [1, 2, 3, 4, 5, 7] },
        { "process", "childproc_count:5", [4, 5] },
        { "process", "childproc_count:[* TO 2]", [0, 1, 6, 7] },
        { "process", "childproc_count:{3 TO 12}", [4, 5] },
        { "process", "alliance_score_srstrust:[50 TO *]", [7] },

        // dates: a day, an instant (the 24 h from it), ranges, relative times, presence
        { "process", "start:2016-06-04", [0, 1] },
        { "process", "start:2016-06-04T08:35:01", [0] },
        { "process", "start:[2013-12-01 TO 2015-12-31]", [2] },
        { "process", "start:[* TO 2015-12-31T23:30:00]", [2] },
        { "process", "start:-2h", [3] },
        { "process", "start:-7d", [3, 4, 5] },
        { "process", "start:[* TO -1d]", [0, 1, 2, 4, 5, 6, 7] },
        { "process", "last_update:[-36h TO -12h]", [5] },
        { "process", "start:*", [0, 1, 2, 3, 4, 5, 6, 7] },
        { "process", "watchlist_5:*", [7] },

        // bool
        { "process", "terminated:true", [0, 1] },

        // negation, AND/OR precedence, grouping, field groups, +, NOT, !
        { "process", "hostname:srv-01 -process_name:chrome.exe", [4, 5] },
        { "process", "NOT process_name:svchost.exe AND hostname:srv-01", [3] },
        { "process", "process_name:net.exe OR process_name:cmd.exe", [0, 1] },
        { "process", "(process_name:net.exe OR process_name:cmd.exe) AND childproc_count:1", [1] },
        { "process", "process_name:net.exe OR process_name:svchost.exe childproc_count:0", [0] },
        { "process", "process_name:(net.exe OR csc.exe)", [0, 7] },
        { "process", "!process_name:svchost.exe", [0, 1, 2, 3, 6, 7] },
        { "process", "+process_name:net.exe +hostname:win-ia9nq1gn8oi", [0] },
        { "process", "process_name:net.exe and hostname:srv-01", [] },
        { "process", "process_name:net.exe or process_name:csc.exe", [0, 7] },
        { "process", "-alliance_score_srstrust:*", [0, 1, 2, 3, 4, 5, 6] },
        { "process", "(-process_name:svchost.exe) hostname:srv-01", [3] },

        // bare terms search the default fields; match-all forms
        { "process", "net.exe", [0, 1] },
        { "process", "\"-system.exe\"", [] },
        { "process", @"c:\program files (x86)\microsoft office", [2] },
        { "process", "", [0, 1, 2, 3, 4, 5, 6, 7] },
        { "process", "*", [0, 1, 2, 3, 4, 5, 6, 7] },
        { "process", "*:*", [0, 1, 2, 3, 4, 5, 6, 7] },

        // binary join fields on processes
        { "process", "digsig_result_modload:Unsigned", [2] },

        // binary: text fields (words, phrases, wildcards), multi-valued path, counts, dates, sign
        { "binary", "product_name:\"operating system\"", [0] },
        { "binary", "product_name:windows", [0] },
        { "binary", "product_name:\"system operating\"", [] },
        { "binary", "company_name:micro*", [0] },
        { "binary", "observed_filename:b.doc", [2] },
        { "binary", "orig_mod_len:[1000 TO 2000]", [1] },
        { "binary", "server_added_timestamp:[2017-01-01 TO 2017-12-31]", [0] },
        { "binary", "digsig_result:signed", [0] },
        { "binary", "md5:c7f5cae0b450be875eee0e6ddfa771fe", [0] },
        { "binary", "appid.sys", [0] },

        // alert: keyword status with spaces, float ranges, negative numbers
        { "alert", "status:resolved", [1] },
        { "alert", "status:\"in progress\"", [2] },
        { "alert", "alert_severity:[50 TO *]", [0, 1] },
        { "alert", "alert_severity:50.625", [0] },
        { "alert", "feed_name:\"My Watchlists\"", [0, 2] },
        { "alert", "feed_id:-1", [0, 2] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void QueryHitsExactlyTheExpectedDocuments(string kind, string query, int[] expected)
    {
        var result = QueryFixture.Index(kind).Search(QueryFixture.Request(query));

        Assert.Equal(expected.Order(), result.Page.Order());
        Assert.Equal(expected.Length, result.TotalResults);
    }

    [Fact]
    public void TableHasAtLeastFortyRows() => Assert.True(Rows.Count >= 40);
}
