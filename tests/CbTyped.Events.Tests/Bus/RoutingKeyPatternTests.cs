using CbTyped.Events.Consumer;

namespace CbTyped.Events.Tests.Bus;

public class RoutingKeyPatternTests
{
    [Theory]
    [InlineData("watchlist.hit.#", "watchlist.hit.process", true)]
    [InlineData("watchlist.hit.#", "watchlist.hit", true)]
    [InlineData("watchlist.#", "watchlist.12.storage.hit.process", true)]
    [InlineData("watchlist.*.storage.hit.process", "watchlist.12.storage.hit.process", true)]
    [InlineData("watchlist.*.storage.hit.process", "watchlist.storage.hit.process", false)]
    [InlineData("feed.*", "feed.synchronized", true)]
    [InlineData("feed.*", "feed.ingress.hit.process", false)]
    [InlineData("#", "ingress.event.process", true)]
    [InlineData("#.process", "alert.watchlist.hit.query.process", true)]
    [InlineData("binaryinfo.observed", "binaryinfo.host.observed", false)]
    [InlineData("ingress.event.process", "ingress.event.process", true)]
    public void Matches_like_a_topic_exchange(string pattern, string key, bool expected) =>
        Assert.Equal(expected, new RoutingKeyPattern(pattern).Matches(key));

    [Theory]
    [InlineData("")]
    [InlineData("watchlist..hit")]
    [InlineData(".watchlist")]
    public void A_bad_pattern_is_refused_naming_it(string pattern)
    {
        var e = Assert.Throws<ArgumentException>(() => new RoutingKeyPattern(pattern));
        Assert.Contains("pattern", e.Message, StringComparison.OrdinalIgnoreCase);
    }
}
