namespace CbTyped.Response.Tests.AdminModels;

/// <summary>Rules of the hand-written parts that need no server.</summary>
public sealed class ModelRulesTests
{
    [Theory]
    [InlineData(AlertStatus.Unresolved, "Unresolved")]
    [InlineData(AlertStatus.InProgress, "In Progress")]
    [InlineData(AlertStatus.Resolved, "Resolved")]
    [InlineData(AlertStatus.FalsePositive, "False Positive")]
    public void AlertStatusesAreSentInTitleCase(AlertStatus status, string text) => Assert.Equal(text, AlertStatusText.Of(status));

    [Fact]
    public void UnknownAlertStatusIsRefusedBeforeAnyRequest() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertStatusText.Of(AlertStatus.Unknown));

    [Theory]
    [InlineData(0, ActionType.Email)]
    [InlineData(1, ActionType.Syslog)]
    [InlineData(2, ActionType.HttpPost)]
    [InlineData(3, ActionType.Alert)]
    [InlineData(7, ActionType.Unknown)]
    public void ActionTypeNumbersMapBothWays(int number, ActionType type)
    {
        var action = WatchlistAction.ModelInfo.CreateNew();
        action.ActionTypeValue = number;
        Assert.Equal(type, action.Type);
        if (type != ActionType.Unknown)
        {
            action.Type = type;
            Assert.Equal(number, action.ActionTypeValue);
        }
    }

    [Fact]
    public void UnknownActionTypeCannotBeSent() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FeedAction.ModelInfo.CreateNew().Type = ActionType.Unknown);

    [Fact]
    public void FeedScoreQueryUsesTheLowerCasedNameAndOpenBounds()
    {
        var feed = Feed.ModelInfo.CreateNew();
        feed.Name = "CbBanning";
        Assert.Equal("alliance_score_cbbanning:[1 TO *]", feed.ScoreQuery());
        Assert.Equal("alliance_score_cbbanning:[10 TO 50]", feed.ScoreQuery(10, 50));
    }

    [Fact]
    public void FeedWithoutNameCannotBeSearched() =>
        Assert.Throws<CbInvalidObjectException>(() => Feed.ModelInfo.CreateNew().ScoreQuery());

    [Fact]
    public void WatchlistQueryPropertyRoundTripsThroughSearchQuery()
    {
        var watchlist = Watchlist.ModelInfo.CreateNew();
        watchlist.Query = @"process_name:net.exe cmdline:\\test\blah";
        Assert.Equal(@"cb.urlver=1&q=process_name%3Anet.exe%20cmdline%3A%5C%5Ctest%5Cblah", watchlist.SearchQuery);
        Assert.Equal(@"process_name:net.exe cmdline:\\test\blah", watchlist.Query);
    }

    [Fact]
    public void UserTeamsAreAddedOnceAndRemoved()
    {
        var user = User.ModelInfo.CreateNew();
        var team = Team.ModelInfo.CreateNew();
        team.LoadJson("""{"id":4,"name":"Responders","group_access":[]}"""u8.ToArray());
        user.AddTeam(team);
        user.AddTeam(team);
        Assert.Equal([4], user.Teams!.Select(t => t.Id ?? 0));
        Assert.Equal("Responders", user.Teams![0].Name);
        user.RemoveTeam(team);
        Assert.Empty(user.Teams!);
    }

    [Fact]
    public void TeamAccessReplacesAnEarlierEntryForTheSameGroup()
    {
        var team = Team.ModelInfo.CreateNew();
        var group = SensorGroup.ModelInfo.CreateNew();
        group.LoadJson("""{"id":1,"name":"Default Group","site_id":1}"""u8.ToArray());
        team.AddViewerAccess(group);
        team.AddAdministratorAccess(group);
        var entry = Assert.Single(team.GroupAccess!);
        Assert.Equal((1, "Default Group", "Administrator"), (entry.GroupId ?? 0, entry.GroupName, entry.AccessCategory));
    }
}
