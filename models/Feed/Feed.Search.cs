using System.Globalization;
using CbTyped.Modeling;

namespace CbTyped.Response;

public partial class Feed
{
    /// <summary>
    /// The processes this feed's reports hit: <c>alliance_score_&lt;name&gt;:[min TO max]</c> (1 and * by default).
    /// Null when the feed is disabled (the server does not tag documents for it).
    /// </summary>
    /// <exception cref="CbInvalidObjectException">The feed has no name.</exception>
    public ICbQuery<Process>? SearchProcesses(int? minScore = null, int? maxScore = null) =>
        Enabled == true ? RequireClient().Select<Process>().Where(ScoreQuery(minScore, maxScore)) : null;

    /// <summary>The binaries this feed's reports hit (see <see cref="SearchProcesses"/>).</summary>
    /// <exception cref="CbInvalidObjectException">The feed has no name.</exception>
    public ICbQuery<Binary>? SearchBinaries(int? minScore = null, int? maxScore = null) =>
        Enabled == true ? RequireClient().Select<Binary>().Where(ScoreQuery(minScore, maxScore)) : null;

    /// <summary>The query text <c>alliance_score_&lt;name lower-cased&gt;:[min TO max]</c>.</summary>
    public string ScoreQuery(int? minScore = null, int? maxScore = null)
    {
        if (string.IsNullOrEmpty(Name))
            throw new CbInvalidObjectException("Feed has no name");
        string min = (minScore ?? 1).ToString(CultureInfo.InvariantCulture);
        string max = maxScore?.ToString(CultureInfo.InvariantCulture) ?? "*";
        return "alliance_score_" + Name.ToLowerInvariant() + ":[" + min + " TO " + max + "]";
    }
}
